"""The Reporting API requests of one site: bulk calls, failures, rows marked with their tables."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import Any

import dlt
import pendulum

from .. import dimensions
from ..client import Halted, MatomoClient, MatomoError
from ..sites import Site
from . import digests, rows, schedule
from .catalogue import goal_ids, needs_dimensions, needs_goals, specs_for_site

log = logging.getLogger(__name__)

_MERGE = {"disposition": "merge", "strategy": "delete-insert"}


def site_report_items(
    client: MatomoClient,
    plan: schedule.ReportPlan,
    site: Site,
    site_state: dict,
    failures: list,
    site_digests: dict | None = None,
) -> Iterator[Any]:
    """All report rows of one site for this run; advances its state for what loaded. Report
    days answered as last time (`site_digests`) are not re-written."""
    specs = specs_for_site(
        plan.specs,
        ecommerce=site.ecommerce,
        goal_ids=_site_goals(client, plan, site, failures),
        dimensions=_site_dimensions(client, plan, site),
    )
    start, end = schedule.site_range(plan, site)
    yesterday = site.today(plan.now).subtract(days=1)
    beyond = schedule.state_beyond(site_state, yesterday)
    if beyond:
        log.warning(
            "site %d: report state reaches %s, after the site's yesterday %s (a run with a "
            "future end date); days since it last really loaded are not re-pulled: run with "
            "--start-date <that day>", site.id, beyond, yesterday,
        )  # fmt: skip
    jobs, reach = schedule.plan_jobs(
        specs, plan.periods, site_state, start, end, plan.lookback_days, plan.force_start
    )
    if not jobs:
        log.info("site %d: reports are up to date (to %s)", site.id, end)
        return
    chunks = schedule.batches(jobs, plan.batch_size)
    log.info(
        "site %d: %d reports, %s to %s: %d requests in %d bulk calls",
        site.id, len(specs), min(job.date for job in jobs), end, len(jobs), len(chunks),
    )  # fmt: skip
    failed: set[tuple[str, str]] = set()
    known = digests.SiteDigests({} if site_digests is None else site_digests)
    yield from _site_chunks(client, site, chunks, failed, failures, known)
    schedule.advance_state(site_state, reach, failed)
    known.save(reach, failed)
    log.info(
        "site %d: reports loaded, %d unchanged (not re-written), %d failure(s)",
        site.id,
        known.unchanged,
        sum(1 for f in failures if f.params.get("idSite") == str(site.id)),
    )


def _site_chunks(
    client: MatomoClient,
    site: Site,
    chunks: list[Sequence[schedule.Job]],
    failed: set[tuple[str, str]],
    failures: list,
    known: digests.SiteDigests,
) -> Iterator[Any]:
    """One bulk call per chunk of jobs; failed jobs land in `failed` and `failures` (a whole
    failed bulk call once). Raises Halted, counting what is left, once the client stopped."""
    loaded_at = pendulum.now("UTC")
    for number, chunk in enumerate(chunks, 1):
        if client.halted:  # the circuit breaker tripped
            raise Halted(not_attempted=sum(len(c) for c in chunks[number - 1 :]))
        try:
            requests = [job.spec.request(site.id, job.period, job.date) for job in chunk]
            results = client.bulk(requests)
        except MatomoError as err:
            if err.fatal:
                raise
            log.warning("%s (%d report requests)", err, len(chunk))
            failures.append(err)
            failed.update(job.window_key for job in chunk)
            continue
        yield from _chunk_items(chunk, results, site.id, loaded_at, failed, failures, known)
        log.debug("site %d: bulk call %d/%d done", site.id, number, len(chunks))


def _site_goals(
    client: MatomoClient, plan: schedule.ReportPlan, site: Site, failures: list
) -> list[str]:
    if not needs_goals(plan.specs):
        return []
    try:
        return goal_ids(client.call("Goals.getGoals", {"idSite": site.id}))
    except MatomoError as err:
        if err.fatal:
            raise
        log.warning("%s (per-goal reports skipped)", err)
        failures.append(err)
        return []


def _site_dimensions(
    client: MatomoClient, plan: schedule.ReportPlan, site: Site
) -> list[dimensions.Dimension]:
    if not needs_dimensions(plan.specs):
        return []
    return dimensions.parse(dimensions.configured_rows(client, site.id) or [])


def _chunk_items(
    chunk: Any,
    results: list[Any],
    site_id: int,
    loaded_at: Any,
    failed: set,
    failures: list,
    known: digests.SiteDigests,
) -> Iterator[Any]:
    loads = []
    for job, result in zip(chunk, results, strict=True):
        if isinstance(result, MatomoError):
            log.debug("%s", result)  # summarised per method and cause at the end of the run
            failures.append(result)
            failed.add(job.window_key)
            continue
        if known.is_unchanged(job.spec.key, job.period, job.date, digests.digest(result)):
            continue
        table_rows = rows.report_rows(result, job.spec, site_id, job.period, job.date)
        stored = table_rows or [rows.tombstone_row(job.spec, site_id, job.period, job.date)]
        yield dlt.mark.with_hints(stored, _table_hints(job.spec.table_name, stored), True)
        loads.append(
            rows.load_row(job.spec, site_id, job.period, job.date, len(table_rows), loaded_at)
        )
    if loads:
        yield dlt.mark.with_hints(loads, _loads_hints(), True)


def _table_hints(table: str, stored_rows: list[dict[str, Any]]) -> Any:
    return dlt.mark.make_hints(
        table_name=table,
        write_disposition=_MERGE,
        primary_key=list(rows.ROW_KEY),
        merge_key=list(rows.BASE_COLUMNS),
        columns=rows.column_hints(stored_rows),
    )


def _loads_hints() -> Any:
    return dlt.mark.make_hints(
        table_name=rows.LOADS_TABLE,
        write_disposition=_MERGE,
        primary_key=list(rows.LOADS_KEY),
        columns=rows.LOADS_COLUMN_HINTS,
    )
