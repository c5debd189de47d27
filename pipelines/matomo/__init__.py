"""dlt sources for Matomo: Live visits (`matomo_source`) and archived reports (`matomo_reports`).

Only `@dlt.source` / `@dlt.resource` functions live here; HTTP is in `client`, pure transforms
in `live` and `reports`, constants in `settings`. Configuration is read from the
`[sources.matomo]` section (`.dlt/config.toml`, `.dlt/secrets.toml`, `SOURCES__MATOMO__*`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import dlt
import pendulum

from . import live, settings
from .client import ClientConfig, MatomoClient, MatomoError
from .parallel import ordered_pages
from .sites import Site, fetch_sites

# ======================================================================= Live source (visits)


@dlt.source(name="matomo", section="matomo", max_table_nesting=0)
def matomo_source(
    url: str = dlt.config.value,
    api_token: str = dlt.secrets.value,
    site_ids: list[int] | None = None,
    start_date: str = dlt.config.value,
    end_date: str | None = None,
    force_start: bool = False,
    live_page_size: int = settings.DEFAULT_LIVE_PAGE_SIZE,
    concurrency: int = settings.DEFAULT_CONCURRENCY,
    request_timeout: float = settings.DEFAULT_TIMEOUT_S,
    max_retries: int = settings.DEFAULT_MAX_RETRIES,
    backoff_base: float = settings.DEFAULT_BACKOFF_BASE_S,
    max_requests_per_second: float = 0.0,
    now: Any = None,
) -> Sequence[Any]:
    """Matomo visits from Live.getLastVisitsDetails, per site and local day, plus sites and goals.

    State (per site): `live.<idSite>.last_final_day`. Each run reads from the day after it (or
    `start_date`) to `end_date` (default: the site's today); days not yet final are re-read on
    every run and replace what was loaded for them. `force_start` re-reads from `start_date`.
    """
    client = make_client(url, api_token, request_timeout, max_retries, backoff_base,
                         max_requests_per_second)
    sites = fetch_sites(client, site_ids)
    start = live.parse_date(start_date, "start_date")
    end = live.parse_date(end_date, "end_date") if end_date else None
    run_at = _as_utc(now)
    pages = live_pages(client, sites, start, end, force_start, live_page_size, concurrency, run_at)
    return (
        sites_table(sites),
        goals_table(client, sites),
        pages | visits,
        pages | visit_actions,
        pages | ecommerce_items,
        pages | load_audit,
    )


def make_client(
    url: str,
    api_token: str,
    request_timeout: float = settings.DEFAULT_TIMEOUT_S,
    max_retries: int = settings.DEFAULT_MAX_RETRIES,
    backoff_base: float = settings.DEFAULT_BACKOFF_BASE_S,
    max_requests_per_second: float = 0.0,
) -> MatomoClient:
    config = ClientConfig(
        timeout_s=float(request_timeout),
        max_retries=int(max_retries),
        backoff_base_s=float(backoff_base),
        max_requests_per_second=float(max_requests_per_second),
    )
    return MatomoClient(url, api_token, config)


def _as_utc(now: Any) -> Any:
    if now is None:
        return pendulum.now("UTC")
    if isinstance(now, str):
        try:
            return pendulum.parse(now).in_timezone("UTC")
        except Exception:
            raise MatomoError(f"now {now!r} is not an ISO timestamp") from None
    return pendulum.instance(now).in_timezone("UTC")


@dlt.resource(name="sites", primary_key="idsite", write_disposition="merge")
def sites_table(sites: list[Site]) -> Iterator[dict[str, Any]]:
    """`SitesManager.getSiteFromId` of every loaded site (timezone, currency, ecommerce)."""
    yield [site.raw for site in sites]


@dlt.resource(name="goals", primary_key=("idsite", "idgoal"), write_disposition="merge",
              columns=live.GOAL_COLUMNS)
def goals_table(client: MatomoClient, sites: list[Site]) -> Iterator[list[dict[str, Any]]]:
    """`Goals.getGoals` of every loaded site."""
    for site in sites:
        rows = client.call("Goals.getGoals", {"idSite": site.id}) or []
        yield list(rows.values()) if isinstance(rows, dict) else rows


@dlt.resource(name="live_pages", selected=False)
def live_pages(
    client: MatomoClient,
    sites: list[Site],
    start: Any,
    end: Any,
    force_start: bool,
    page_size: int,
    concurrency: int,
    now: Any,
) -> Iterator[dict[str, Any]]:
    """Pages of visits, site by site, day by day (oldest first); advances per-site state only
    after a final day was read whole. Yields {"kind": "visits"|"audit", ...} envelopes that the
    transformers below turn into tables."""
    state = dlt.current.source_state().setdefault("live", {})
    plans = [_plan(site, state, start, end, force_start, now) for site in sites]
    units = [(plan.site, day, final) for plan in plans for day, final in
             zip(plan.days, plan.final, strict=True)]

    def produce(unit: tuple[Site, Any, bool]) -> Iterator[list[live.Visit]]:
        site, day, _ = unit
        return live.fetch_day_pages(client, site.id, day, page_size)

    for (site, day, final), pages in ordered_pages(units, produce, concurrency):
        audit = live.DayAudit(id_site=site.id, visit_date=day, is_final=final)
        for page in pages:
            kept = live.screen_page(page, audit, site.timezone)
            yield {"kind": "visits", "site": site, "visits": kept}
        _log_day(site, audit)
        yield {"kind": "audit", "row": audit.row()}
        site_state = state.setdefault(str(site.id), {})
        if final and str(day) > site_state.get("last_final_day", ""):
            site_state["last_final_day"] = day.isoformat()


def _plan(site: Site, state: dict[str, Any], start: Any, end: Any, force: bool,
          now: Any) -> live.DayPlan:
    last = state.get(str(site.id), {}).get("last_final_day")
    plan = live.plan_days(
        site,
        start_date=start,
        last_final_day=live.parse_date(last) if last else None,
        end_date=end,
        now=now,
        force_start=force,
    )
    if plan.days:
        live.log.info("site %s (%s): reading %d day(s) %s..%s, %d final", site.id,
                      site.timezone, len(plan.days), plan.days[0], plan.days[-1],
                      sum(plan.final))
    return plan


def _log_day(site: Site, audit: live.DayAudit) -> None:
    live.log.info("site %s %s: %d visits, %d actions%s", site.id, audit.visit_date,
                  audit.visits, audit.actions, "" if audit.is_final else " (not final yet)")
    if audit.anomalies:
        live.log.warning(
            "site %s %s: %d duplicate visit(s) dropped, %d visit(s) of another day, "
            "%d visit(s) with truncated actions (see matomo_raw.load_audit)",
            site.id, audit.visit_date, audit.duplicate_visits, audit.other_day_visits,
            audit.truncated_visits)


_MERGE = {"disposition": "merge", "strategy": "delete-insert"}


@dlt.transformer(name="visits", primary_key=("id_site", "id_visit"), write_disposition=_MERGE,
                 columns=live.VISIT_COLUMNS)
def visits(envelope: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
    """One row per visit (idSite, idVisit), all Live fields but the actions."""
    if envelope["kind"] == "visits":
        tz = envelope["site"].timezone
        yield [live.visit_row(v, tz) for v in envelope["visits"]]


@dlt.transformer(name="visit_actions", primary_key=("id_site", "id_visit", "position"),
                 merge_key=("id_site", "id_visit"), write_disposition=_MERGE,
                 columns=live.ACTION_COLUMNS)
def visit_actions(envelope: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
    """One row per actionDetails entry; a re-read visit replaces all its actions."""
    if envelope["kind"] == "visits":
        yield [row for v in envelope["visits"] for row in live.action_rows(v)]


@dlt.transformer(name="ecommerce_items",
                 primary_key=("id_site", "id_visit", "position", "item_position"),
                 merge_key=("id_site", "id_visit"), write_disposition=_MERGE,
                 columns=live.ITEM_COLUMNS)
def ecommerce_items(envelope: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
    """One row per item of an ecommerce order or abandoned cart (from itemDetails)."""
    if envelope["kind"] == "visits":
        yield [row for v in envelope["visits"] for row in live.item_rows(v)]


@dlt.transformer(name="load_audit", write_disposition="append",
                 columns={"visit_date": {"data_type": "date"}})
def load_audit(envelope: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per (site, day) read by each run: visits, actions and anomalies seen."""
    if envelope["kind"] == "audit":
        yield envelope["row"]



# ======================================================================= Reporting API source
# (owned by the Reporting API work; see pipelines/matomo/reports.py)
