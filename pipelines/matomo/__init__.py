"""dlt sources for Matomo: Live visits (`matomo_source`) and archived reports (`matomo_reports`).

Only `@dlt.source` / `@dlt.resource` functions live here; HTTP is in `client`, pure transforms
in `live` and `reports`, constants in `settings`. Configuration is read from the
`[sources.matomo]` section (`.dlt/config.toml`, `.dlt/secrets.toml`, `SOURCES__MATOMO__*`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import dlt

from . import live, report_jobs, settings
from .client import MatomoClient, make_client
from .parallel import ordered_pages
from .sites import Site, check_report_methods, fetch_sites, list_site_ids

# ======================================================================= Live source (visits)


@dlt.source(name="matomo", section="matomo", max_table_nesting=0)
def matomo_source(
    url: str = dlt.config.value,
    api_token: str = dlt.secrets.value,
    site_ids: list[int] | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    force_start: bool = False,
    live_page_size: int = settings.DEFAULT_LIVE_PAGE_SIZE,
    concurrency: int = settings.DEFAULT_CONCURRENCY,
    request_timeout: float = settings.DEFAULT_TIMEOUT_S,
    max_retries: int = settings.DEFAULT_MAX_RETRIES,
    backoff_base: float = settings.DEFAULT_BACKOFF_BASE_S,
    max_requests_per_second: float = 0.0,
    visits_per_load: int = settings.DEFAULT_VISITS_PER_LOAD,
    now: Any = None,
    chunks: live.LoadChunks | None = None,
) -> Sequence[Any]:
    """Matomo visits from Live.getLastVisitsDetails, per site and local day, plus sites and goals.

    State (per site): `live.<idSite>.last_final_day`. Each run reads from the day after it (or
    `start_date`) to `end_date` (default: the site's today); days not yet final are re-read on
    every run and replace what was loaded for them. `force_start` re-reads from `start_date`.
    A load ends at the first day boundary after `visits_per_load` visits; pass the same `chunks`
    object to the next load to continue (the runner does, until `chunks.more` is False).
    """
    live.configure_dlt_for_arrow()
    start = live.parse_date(start_date, "start_date") if start_date else None
    end = live.parse_date(end_date, "end_date") if end_date else None
    run_at = live.as_utc(now)
    client = make_client(url, api_token, request_timeout, max_retries, backoff_base,
                         max_requests_per_second)
    sites = fetch_sites(client, site_ids)
    chunks = chunks or live.LoadChunks()
    chunks.visits_per_load = int(visits_per_load)
    chunks.next_load()
    pages = live_pages(client, sites, start, end, force_start, live_page_size, concurrency, run_at,
                       chunks)
    return (
        sites_table(sites),
        goals_table(client, sites),
        pages | visits,
        pages | visit_actions,
        pages | ecommerce_items,
        pages | load_audit,
    )


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
    chunks: live.LoadChunks,
) -> Iterator[dict[str, Any]]:
    """Pages of visits, site by site, day by day (oldest first); advances per-site state only
    after a final day was read whole. Yields {"kind": "visits"|"audit", ...} envelopes that the
    transformers below turn into tables."""
    state = dlt.current.source_state().setdefault("live", {})
    plans = [live.plan_site(site, state, start, end, force_start, now, chunks) for site in sites]
    units = [(plan.site, day, final) for plan in plans for day, final in
             zip(plan.days, plan.final, strict=True)]

    def produce(unit: tuple[Site, Any, bool]) -> Iterator[list[live.Visit]]:
        site, day, _ = unit
        return live.fetch_day_pages(client, site.id, day, page_size)

    batch: list[live.Visit] = []
    batch_site: Site | None = None
    complete = True
    for (site, day, final), pages in ordered_pages(units, produce, concurrency):
        if batch and site is not batch_site:
            yield {"kind": "visits", "site": batch_site, "visits": batch}
            batch = []
        batch_site = site
        audit = live.DayAudit(id_site=site.id, visit_date=day, is_final=final)
        for page in pages:
            batch.extend(live.screen_page(page, audit, site.timezone))
            if len(batch) >= _BATCH_VISITS:
                yield {"kind": "visits", "site": site, "visits": batch}
                batch = []
        live.log_day(site, audit)
        yield {"kind": "audit", "row": audit.row()}
        site_state = state.setdefault(str(site.id), {})
        if final and str(day) > site_state.get("last_final_day", ""):
            site_state["last_final_day"] = day.isoformat()
        if chunks.day_read(site.id, day, audit.visits) and (site, day, final) != units[-1]:
            complete = False  # this load is full: stop reading (the producers are closed)
            break
    chunks.end_load(plans, complete=complete)
    if batch:
        yield {"kind": "visits", "site": batch_site, "visits": batch}


_MERGE = {"disposition": "merge", "strategy": "delete-insert"}

# Pages are handed to the transformers in batches of about this many visits of one site (small
# days are batched together): dlt's per-item cost of an arrow table (schema merge) is paid per
# batch, not per page. Memory is bounded by the batch (~12 MB per 1,000 parsed visits). A day's
# state may advance before its last batch is yielded: dlt commits state and rows together at
# the end of the extract step, so a failed run keeps neither.
_BATCH_VISITS = 2000


@dlt.transformer(name="visits", primary_key=("id_site", "id_visit"), write_disposition=_MERGE,
                 columns=live.VISIT_COLUMNS)
def visits(envelope: dict[str, Any]) -> Iterator[Any]:
    """One row per visit (idSite, idVisit), all Live fields but the actions."""
    if envelope["kind"] == "visits" and envelope["visits"]:
        yield live.visits_table(envelope["visits"], envelope["site"].timezone)


@dlt.transformer(name="visit_actions", primary_key=("id_site", "id_visit", "position"),
                 merge_key=("id_site", "id_visit"), write_disposition=_MERGE,
                 columns=live.ACTION_COLUMNS)
def visit_actions(envelope: dict[str, Any]) -> Iterator[Any]:
    """One row per actionDetails entry; a re-read visit replaces all its actions."""
    if envelope["kind"] == "visits" and envelope["visits"]:
        table = live.actions_table(envelope["visits"])
        if table.num_rows:
            yield table


@dlt.transformer(name="ecommerce_items",
                 primary_key=("id_site", "id_visit", "position", "item_position"),
                 merge_key=("id_site", "id_visit"), write_disposition=_MERGE,
                 columns=live.ITEM_COLUMNS)
def ecommerce_items(envelope: dict[str, Any]) -> Iterator[Any]:
    """One row per item of an ecommerce order or abandoned cart (from itemDetails)."""
    if envelope["kind"] == "visits" and envelope["visits"]:
        table = live.items_table(envelope["visits"])
        if table.num_rows:
            yield table


@dlt.transformer(name="load_audit", write_disposition="append",
                 columns={"visit_date": {"data_type": "date"}})
def load_audit(envelope: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per (site, day) read by each run: visits, actions and anomalies seen."""
    if envelope["kind"] == "audit":
        yield envelope["row"]



# ======================================================================= Reporting API source


@dlt.source(name="matomo_reports", section="matomo", max_table_nesting=0)
def matomo_reports(
    url: str = dlt.config.value,
    api_token: str = dlt.secrets.value,
    site_ids: list[int] | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    force_start: bool = False,
    reports: list[dict] | None = None,
    extra_reports: list[dict] | None = None,
    report_periods: list[str] | None = None,
    report_lookback_days: int = settings.DEFAULT_REPORT_LOOKBACK_DAYS,
    bulk_batch_size: int = settings.DEFAULT_BULK_BATCH_SIZE,
    request_timeout: float = settings.DEFAULT_TIMEOUT_S,
    max_retries: int = settings.DEFAULT_MAX_RETRIES,
    backoff_base: float = settings.DEFAULT_BACKOFF_BASE_S,
    max_requests_per_second: float = 0.0,
    now: Any = None,
    failures: list | None = None,
    verify_catalogue: bool = False,
) -> Any:
    """Matomo's archived reports (Reporting API) into one `report_<module>_<action>` table each.

    State (per site, report and period): `reports.<idSite>.<report key>.<period>` = the last
    day loaded; each run re-pulls `report_lookback_days` before it (`force_start`: from
    `start_date`) up to `end_date` (default: the site's yesterday). Config is validated before
    anything is requested. Failed report requests are appended to `failures` (and logged);
    their reports' state does not advance. `verify_catalogue`: first check every report method
    against API.getReportMetadata and fail (MatomoError) on one no site offers (the CLI does).
    """
    plan = report_jobs.build_plan(
        start_date=start_date,
        end_date=end_date,
        force_start=force_start,
        reports=reports,
        extra_reports=extra_reports,
        report_periods=report_periods,
        lookback_days=report_lookback_days,
        batch_size=bulk_batch_size,
        now=now,
    )
    client = make_client(url, api_token, request_timeout, max_retries, backoff_base,
                         max_requests_per_second)
    if verify_catalogue:  # a misspelt report method fails here, before anything is loaded
        check_report_methods(
            client,
            site_ids or list_site_ids(client),
            {spec.method for spec in plan.specs},
            plan.start.isoformat() if plan.start else "yesterday",
        )
    sink = failures if failures is not None else []
    return report_rows(client, plan, site_ids, sink)


@dlt.resource(name="reports", write_disposition="merge")
def report_rows(
    client: MatomoClient, plan: Any, site_ids: list[int] | None, failures: list
) -> Iterator[Any]:
    """Rows of every catalogue report, site by site, each batch marked with its own table:
    `report_<module>_<action>` (primary key id_site, period, date, segment, report_params,
    label; a re-pulled day replaces its rows) and `report_loads` (one row per loaded report
    and day, also for empty reports)."""
    state = dlt.current.source_state().setdefault("reports", {})
    for site in fetch_sites(client, site_ids):
        site_state = state.setdefault(str(site.id), {})
        yield from report_jobs.site_report_items(client, plan, site, site_state, failures)
