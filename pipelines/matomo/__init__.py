"""dlt sources for Matomo: Live visits (`matomo_source`) and archived reports (`matomo_reports`).

Only `@dlt.source` / `@dlt.resource` functions live here; HTTP is in `client`, pure transforms
in `live` and `reports`, constants in `settings`. Configuration is read from the
`[sources.matomo]` section (`.dlt/config.toml`, `.dlt/secrets.toml`, `SOURCES__MATOMO__*`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import dlt

from . import live, settings
from .client import MatomoClient, make_client
from .parallel import ordered_pages
from .sites import Site, fetch_sites

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
    now: Any = None,
) -> Sequence[Any]:
    """Matomo visits from Live.getLastVisitsDetails, per site and local day, plus sites and goals.

    State (per site): `live.<idSite>.last_final_day`. Each run reads from the day after it (or
    `start_date`) to `end_date` (default: the site's today); days not yet final are re-read on
    every run and replace what was loaded for them. `force_start` re-reads from `start_date`.
    """
    start = live.parse_date(start_date, "start_date") if start_date else None
    end = live.parse_date(end_date, "end_date") if end_date else None
    run_at = live.as_utc(now)
    client = make_client(url, api_token, request_timeout, max_retries, backoff_base,
                         max_requests_per_second)
    sites = fetch_sites(client, site_ids)
    pages = live_pages(client, sites, start, end, force_start, live_page_size, concurrency, run_at)
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
) -> Iterator[dict[str, Any]]:
    """Pages of visits, site by site, day by day (oldest first); advances per-site state only
    after a final day was read whole. Yields {"kind": "visits"|"audit", ...} envelopes that the
    transformers below turn into tables."""
    state = dlt.current.source_state().setdefault("live", {})
    plans = [live.plan_site(site, state, start, end, force_start, now) for site in sites]
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
        live.log_day(site, audit)
        yield {"kind": "audit", "row": audit.row()}
        site_state = state.setdefault(str(site.id), {})
        if final and str(day) > site_state.get("last_final_day", ""):
            site_state["last_final_day"] = day.isoformat()


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
# This section keeps its own imports so that it does not depend on the Live section's.
import logging  # noqa: E402

import dlt  # noqa: E402
import pendulum  # noqa: E402

from . import reports, settings  # noqa: E402
from .client import MatomoClient as _ReportClient  # noqa: E402
from .client import MatomoError  # noqa: E402
from .sites import Site as _ReportSite  # noqa: E402
from .sites import fetch_sites as _fetch_report_sites  # noqa: E402

_report_log = logging.getLogger(__name__ + ".reports")


@dlt.source(name="matomo_reports", section="matomo", max_table_nesting=0)
def matomo_reports(
    url: str = dlt.config.value,
    api_token: str = dlt.secrets.value,
    site_ids: list[int] | None = None,
    start_date: str = dlt.config.value,
    end_date: str | None = None,
    reports: list[dict] | None = None,
    extra_reports: list[dict] | None = None,
    report_periods: list[str] | None = None,
    report_lookback_days: int = settings.DEFAULT_REPORT_LOOKBACK_DAYS,
    bulk_batch_size: int = settings.DEFAULT_BULK_BATCH_SIZE,
    now: Any = None,
    failures: list | None = None,
) -> Any:
    """Matomo's archived reports (Reporting API) into one `report_<module>_<action>` table each.

    Config is validated here, before anything is requested or written. Failed report
    requests are appended to `failures` (and logged); their reports' state does not advance.
    """
    plan = _report_module().build_plan(
        start_date=start_date,
        end_date=end_date,
        reports=reports,
        extra_reports=extra_reports,
        report_periods=report_periods,
        lookback_days=report_lookback_days,
        batch_size=bulk_batch_size,
        now=now,
    )
    client = _ReportClient(url, api_token)
    sink = failures if failures is not None else []
    return dlt.resource(
        _report_items(client, plan, site_ids, sink), name="reports", write_disposition="merge"
    )


def _report_module() -> Any:
    """`reports` the module (the source's `reports` argument shadows the name inside it)."""
    return reports


def _report_items(
    client: _ReportClient, plan: reports.ReportPlan, site_ids: Any, failures: list
) -> Iterator[Any]:
    state = dlt.current.source_state().setdefault("reports", {})
    for site in _fetch_report_sites(client, site_ids):
        site_state = state.setdefault(str(site.id), {})
        yield from _site_report_items(client, plan, site, site_state, failures)


def _site_report_items(
    client: _ReportClient,
    plan: reports.ReportPlan,
    site: _ReportSite,
    site_state: dict,
    failures: list,
) -> Iterator[Any]:
    specs = reports.specs_for_site(
        plan.specs, ecommerce=site.ecommerce, goal_ids=_site_goals(client, plan, site, failures)
    )
    end = plan.end or site.today(plan.now).subtract(days=1)
    jobs, reach = reports.plan_jobs(
        specs, plan.periods, site_state, plan.start, end, plan.lookback_days
    )
    if not jobs:
        _report_log.info("site %d: reports are up to date (to %s)", site.id, end)
        return
    first = min(job.date for job in jobs)
    chunks = reports.batches(jobs, plan.batch_size)
    _report_log.info(
        "site %d: %d reports, %s to %s: %d requests in %d bulk calls",
        site.id,
        len(specs),
        first,
        end,
        len(jobs),
        len(chunks),
    )
    failed: set[tuple[str, str]] = set()
    loaded_at = pendulum.now("UTC")
    for number, chunk in enumerate(chunks, 1):
        results = _bulk_results(
            client, [job.spec.request(site.id, job.period, job.date) for job in chunk]
        )
        yield from _chunk_items(chunk, results, site.id, loaded_at, failed, failures)
        _report_log.debug("site %d: bulk call %d/%d done", site.id, number, len(chunks))
    reports.advance_state(site_state, reach, failed)
    _report_log.info(
        "site %d: reports loaded, %d failed requests",
        site.id,
        sum(1 for f in failures if f.params.get("idSite") == str(site.id)),
    )


def _site_goals(
    client: _ReportClient, plan: reports.ReportPlan, site: _ReportSite, failures: list
) -> list[str]:
    if not reports.needs_goals(plan.specs):
        return []
    try:
        return reports.goal_ids(client.call("Goals.getGoals", {"idSite": site.id}))
    except MatomoError as err:
        if err.status in (401, 403):
            raise
        _report_log.error("%s (per-goal reports skipped)", err)
        failures.append(err)
        return []


def _bulk_results(client: _ReportClient, requests: list[dict[str, str]]) -> list[Any]:
    """Sub-request results; a whole failed bulk call fails each of its sub-requests."""
    try:
        return client.bulk(requests)
    except MatomoError as err:
        if err.status in (401, 403):
            raise
        return [
            MatomoError(
                f"bulk request failed: {err.cause}",
                method=r["method"],
                params=r,
                transient=err.transient,
                status=err.status,
            )
            for r in requests
        ]


def _chunk_items(
    chunk: Any, results: list[Any], site_id: int, loaded_at: Any, failed: set, failures: list
) -> Iterator[Any]:
    loads = []
    for job, result in zip(chunk, results, strict=True):
        if isinstance(result, MatomoError):
            _report_log.error("%s", result)
            failures.append(result)
            failed.add(job.window_key)
            continue
        rows = reports.report_rows(result, job.spec, site_id, job.period, job.date)
        stored = rows or [reports.tombstone_row(job.spec, site_id, job.period, job.date)]
        yield dlt.mark.with_hints(stored, _table_hints(job.spec.table_name, stored), True)
        loads.append(
            reports.load_row(job.spec, site_id, job.period, job.date, len(rows), loaded_at)
        )
    if loads:
        yield dlt.mark.with_hints(loads, _loads_hints(), True)


def _table_hints(table: str, rows: list[dict[str, Any]]) -> Any:
    return dlt.mark.make_hints(
        table_name=table,
        write_disposition={"disposition": "merge", "strategy": "delete-insert"},
        primary_key=list(reports.ROW_KEY),
        merge_key=list(reports.BASE_COLUMNS),
        columns=reports.column_hints(rows),
    )


def _loads_hints() -> Any:
    return dlt.mark.make_hints(
        table_name=reports.LOADS_TABLE,
        write_disposition={"disposition": "merge", "strategy": "delete-insert"},
        primary_key=list(reports.LOADS_KEY),
        columns=reports.LOADS_COLUMN_HINTS,
    )
