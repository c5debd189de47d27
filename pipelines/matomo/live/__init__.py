"""The Live source (`matomo_source`): visits, their actions and ecommerce items, per site and
local day, plus sites, goals and a per-day audit.

A hidden driver resource (`live_pages`) reads the days and feeds the table transformers.
Helpers: `days` (day plans and state), `paging` (HTTP paging), `batches` (typing batches),
`audit`, `quarantine` (values that cannot be typed), `arrow`
(tables), `columns` (schemas).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Generator, Iterator, Sequence
from typing import Any

import dlt

from pipelines.dates import optional_date

from .. import dimensions, settings
from ..client import MatomoClient, make_client
from ..parallel import ordered_pages
from ..run_context import RunContext
from ..sites import Site, fetch_sites
from . import days
from .audit import DayAudit, screen_page
from .batches import VisitBatches
from .columns import (
    ACTION_COLUMNS,
    GOAL_COLUMNS,
    ITEM_COLUMNS,
    QUARANTINE_COLUMNS,
    ROW_ID,
    VISIT_COLUMNS,
)
from .paging import fetch_day_pages, skip_live_off

__all__ = ["fetch_day_pages", "matomo_source"]

log = logging.getLogger(__name__)

_MERGE = {"disposition": "merge", "strategy": "delete-insert"}

# Pages are handed to the transformers in batches of about this many visits of one site.
# Memory is bounded by the batch (~12 MB per 1,000 parsed visits). A day's state may advance
# before its last batch is yielded: dlt commits state and rows together at the end of the
# extract step, so a failed run keeps neither.
_BATCH_VISITS = 2000


@dlt.source(name="matomo", section="matomo", max_table_nesting=0)
def matomo_source(
    url: str = dlt.config.value,
    api_token: str = dlt.secrets.value,
    site_ids: list[int] | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    live_page_size: int = settings.DEFAULT_LIVE_PAGE_SIZE,
    concurrency: int = settings.DEFAULT_CONCURRENCY,
    request_timeout: float = settings.DEFAULT_TIMEOUT_S,
    max_retries: int = settings.DEFAULT_MAX_RETRIES,
    backoff_base: float = settings.DEFAULT_BACKOFF_BASE_S,
    max_requests_per_second: float = 0.0,
    max_consecutive_failures: int = settings.DEFAULT_MAX_CONSECUTIVE_FAILURES,
    visits_per_load: int = settings.DEFAULT_VISITS_PER_LOAD,
    run: RunContext | None = None,
) -> Sequence[Any]:
    """Matomo visits from Live.getLastVisitsDetails, per site and local day, plus sites and goals.

    State (per site): `live.<idSite>.last_final_day`. Each run reads from the day after it (or
    `start_date`) to `end_date`; days not yet final are re-read on every run and replace what
    was loaded for them.

    Args:
        url: Matomo base URL (or its `index.php`).
        api_token: token_auth of a user with view access (a secret).
        site_ids: sites to load; None = every site the token can view.
        start_date: first local day (YYYY-MM-DD) of a first run; None = 30 days back.
        end_date: last local day (YYYY-MM-DD); None = and capped at each site's today.
        live_page_size: visits per Live request.
        concurrency: (site, day) units fetched at once.
        request_timeout: seconds to wait for each answer.
        max_retries: retries of a transient failure.
        backoff_base: first retry delay in seconds (doubles per retry).
        max_requests_per_second: client-side rate limit; 0 = none.
        max_consecutive_failures: circuit breaker of the client (a Live day that fails after
            its retries fails the source anyway, and stops the other fetches at once).
        visits_per_load: a load ends at the first day boundary after this many visits; the
            runner continues with the same `run` until `run.chunks.more` is False.
        run: run-time context (now, force_start, the load-chunk tracker); see `RunContext`.
    """
    run = run or RunContext()
    start = optional_date(start_date, "sources.matomo.start_date")
    end = optional_date(end_date, "sources.matomo.end_date")
    client = make_client(
        url, api_token, request_timeout, max_retries, backoff_base, max_requests_per_second,
        max_consecutive_failures,
    )  # fmt: skip
    sites = fetch_sites(client, site_ids)
    run.chunks.visits_per_load = int(visits_per_load)
    run.chunks.next_load()
    state = dlt.current.source_state().get(days.STATE_KEY, {})
    now = run.utc_now()
    plans = [days.plan_site(s, state, start, end, run.force_start, now, run.chunks) for s in sites]
    reads, append = days.load_plans(plans, state, run.append_new_days)
    pages = live_pages(client, (plans, reads, append), live_page_size, concurrency, run)
    rows = [pages | visits, pages | visit_actions, pages | ecommerce_items]
    if append:  # no staging dataset, no delete-insert: see `days.load_plans`
        log.info("appending the rows of %d new final day(s)", sum(len(p.days) for p in reads))
    for resource in rows:  # the module's transformers themselves: set either way
        resource.apply_hints(write_disposition="append" if append else _MERGE)
    return (
        sites_table(sites),
        goals_table(client, sites),
        custom_dimensions_table(client, sites),
        *rows,
        pages | load_audit,
        pages | quarantine,
    )


@dlt.resource(name="sites", primary_key="idsite", write_disposition="merge")
def sites_table(sites: list[Site]) -> Iterator[dict[str, Any]]:
    """`SitesManager.getSiteFromId` of every loaded site (timezone, currency, ecommerce)."""
    yield [site.raw for site in sites]


@dlt.resource(
    name="goals", primary_key=("idsite", "idgoal"), write_disposition="merge", columns=GOAL_COLUMNS
)
def goals_table(client: MatomoClient, sites: list[Site]) -> Iterator[list[dict[str, Any]]]:
    """`Goals.getGoals` of every loaded site."""
    for site in sites:
        rows = client.call("Goals.getGoals", {"idSite": site.id}) or []
        yield list(rows.values()) if isinstance(rows, dict) else rows


@dlt.resource(
    name="custom_dimensions",
    primary_key=("idsite", "idcustomdimension"),
    write_disposition="merge",
    columns=dimensions.COLUMNS,
)
def custom_dimensions_table(
    client: MatomoClient, sites: list[Site]
) -> Iterator[list[dict[str, Any]]]:
    """`CustomDimensions.getConfiguredCustomDimensions` of every loaded site (none when the
    plugin is not available)."""
    for site in sites:
        rows = dimensions.configured_rows(client, site.id)
        if rows:
            yield rows


@dlt.resource(name="live_pages", selected=False)
def live_pages(
    client: MatomoClient,
    load: tuple[list[days.DayPlan], list[days.DayPlan], bool],
    page_size: int,
    concurrency: int,
    run: RunContext,
) -> Iterator[dict[str, Any]]:
    """Pages of visits, site by site, day by day (oldest first); advances per-site state only
    after a final day was read whole. Yields {"kind": "visits"|"audit", ...} envelopes that the
    transformers below turn into tables. `load`: the sites' day plans, the days this load reads
    (`days.load_plans`) and whether it appends."""
    plans, reads, append = load
    state = dlt.current.source_state().setdefault(days.STATE_KEY, {})
    units = [
        (plan.site, day, final)
        for plan in reads
        for day, final in zip(plan.days, plan.final, strict=True)
    ]
    run.chunks.progress.plan(sum(len(plan.days) for plan in plans))
    seen: set[tuple[int, int]] | None = set() if append else None
    try:
        complete = yield from _read_days(client, units, (page_size, concurrency, seen), state, run)
    finally:
        run.chunks.progress.end()
    later = {p.site_id for p, r in zip(plans, reads, strict=True) if len(r.days) < len(p.days)}
    run.chunks.end_load(plans, complete=complete, deferred=later)


def _read_days(
    client: MatomoClient,
    units: list[tuple[Site, dt.date, bool]],
    paging: tuple[int, int, set[tuple[int, int]] | None],
    state: dict[str, Any],
    run: RunContext,
) -> Generator[dict[str, Any], None, bool]:
    """Envelopes of every (site, day) unit; False when the load filled up before the end.
    A site whose visitor log is deactivated is skipped after its first Live call says so.
    `paging`: page size, concurrency, and for an appending load the visits it holds (a repeat
    under a later day is dropped)."""
    page_size, concurrency, seen = paging
    chunks, now = run.chunks, run.utc_now()
    live_off: set[int] = set()  # filled by the producers, read by this consumer

    def produce(unit: tuple[Site, dt.date, bool]) -> Iterator[list[dict[str, Any]]]:
        if unit[0].id in live_off:
            return iter(())
        return skip_live_off(fetch_day_pages(client, unit[0].id, unit[1], page_size), live_off)

    batches = VisitBatches(_BATCH_VISITS, seen)
    # A day that fails fails the source: the other fetches stop at once (client.halt).
    fetched = ordered_pages(units, produce, concurrency, on_error=client.halt)
    for (site, day, final), pages in fetched:
        if site.id in chunks.finished:  # its visitor log is off: said once below
            continue
        yield from batches.start_site(site)
        audit = DayAudit(id_site=site.id, visit_date=day, is_final=final)
        for page in pages:
            yield from batches.add(screen_page(page, audit, site.timezone, now), audit)
        if site.id in live_off:
            days.record_live_off(state, site)
            chunks.finished.add(site.id)  # no later load of this run reads it again
            continue
        batches.day_done(audit)
        days.record_day(state, site, day, final)
        if chunks.day_read(site.id, day, audit.visits) and (site, day, final) != units[-1]:
            yield from batches.flush()  # this load is full: stop reading (producers close)
            return False
    yield from batches.flush()
    return True


@dlt.transformer(
    name="visits",
    primary_key=("id_site", "id_visit"),
    write_disposition=_MERGE,
    columns={**VISIT_COLUMNS, **ROW_ID},
)
def visits(envelope: dict[str, Any]) -> Iterator[Any]:
    """One row per visit (idSite, idVisit), all Live fields but the actions."""
    if envelope["kind"] == "tables":
        yield envelope["tables"]["visits"]


@dlt.transformer(
    name="visit_actions",
    primary_key=("id_site", "id_visit", "position"),
    merge_key=("id_site", "id_visit"),
    write_disposition=_MERGE,
    columns={**ACTION_COLUMNS, **ROW_ID},
)
def visit_actions(envelope: dict[str, Any]) -> Iterator[Any]:
    """One row per actionDetails entry; a re-read visit replaces all its actions."""
    if envelope["kind"] == "tables":
        table = envelope["tables"]["visit_actions"]
        if table.num_rows:
            yield table


@dlt.transformer(
    name="ecommerce_items",
    primary_key=("id_site", "id_visit", "position", "item_position"),
    merge_key=("id_site", "id_visit"),
    write_disposition=_MERGE,
    columns={**ITEM_COLUMNS, **ROW_ID},
)
def ecommerce_items(envelope: dict[str, Any]) -> Iterator[Any]:
    """One row per item of an ecommerce order or abandoned cart (from itemDetails)."""
    if envelope["kind"] == "tables":
        table = envelope["tables"]["ecommerce_items"]
        if table.num_rows:
            yield table


@dlt.transformer(
    name="load_audit",
    # insert-only merge, not append: a load job replayed after a crash (dlt re-runs jobs that
    # were not marked complete) must not add the same audit rows twice
    primary_key=("id_site", "visit_date", "loaded_at"),
    write_disposition={"disposition": "merge", "strategy": "insert-only"},
    columns={"visit_date": {"data_type": "date"}},
)
def load_audit(envelope: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per (site, day) read by each run: visits, actions and anomalies seen."""
    if envelope["kind"] == "audit":
        yield envelope["row"]


@dlt.transformer(
    name="quarantine",
    # insert-only merge like load_audit: a replayed load job adds no duplicate rows
    primary_key=("id_site", "visit_date", "loaded_at", "seq"),
    write_disposition={"disposition": "merge", "strategy": "insert-only"},
    columns=QUARANTINE_COLUMNS,
)
def quarantine(envelope: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
    """One row per value the loader could not type or visit it could not load (see
    `quarantine`), per (site, day) read; `_dlt_load_id` tells the load."""
    if envelope["kind"] == "quarantine":
        yield envelope["rows"]
