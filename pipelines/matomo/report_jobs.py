"""The Reporting API run: plan per site, bulk requests, rows marked with their tables.

I/O lives here; the pure parts (catalogue, dates, row typing) are in `reports`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import dlt
import pendulum

from . import reports, settings
from .client import MatomoClient, MatomoError
from .reports import build_plan
from .sites import Site

log = logging.getLogger(__name__)

__all__ = ["build_plan", "site_report_items"]


def site_report_items(
    client: MatomoClient,
    plan: reports.ReportPlan,
    site: Site,
    site_state: dict,
    failures: list,
) -> Iterator[Any]:
    """All report rows of one site for this run; advances its state for what loaded."""
    specs = reports.specs_for_site(
        plan.specs, ecommerce=site.ecommerce, goal_ids=_site_goals(client, plan, site, failures)
    )
    today = site.today(plan.now)
    end = plan.end or today.subtract(days=1)
    start = plan.start or today.subtract(days=settings.DEFAULT_BACKFILL_DAYS)
    jobs, reach = reports.plan_jobs(
        specs, plan.periods, site_state, start, end, plan.lookback_days, plan.force_start
    )
    if not jobs:
        log.info("site %d: reports are up to date (to %s)", site.id, end)
        return
    first = min(job.date for job in jobs)
    chunks = reports.batches(jobs, plan.batch_size)
    log.info(
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
        log.debug("site %d: bulk call %d/%d done", site.id, number, len(chunks))
    reports.advance_state(site_state, reach, failed)
    log.info(
        "site %d: reports loaded, %d failed requests",
        site.id,
        sum(1 for f in failures if f.params.get("idSite") == str(site.id)),
    )


def _site_goals(
    client: MatomoClient, plan: reports.ReportPlan, site: Site, failures: list
) -> list[str]:
    if not reports.needs_goals(plan.specs):
        return []
    try:
        return reports.goal_ids(client.call("Goals.getGoals", {"idSite": site.id}))
    except MatomoError as err:
        if err.status in (401, 403):
            raise
        log.error("%s (per-goal reports skipped)", err)
        failures.append(err)
        return []


def _bulk_results(client: MatomoClient, requests: list[dict[str, str]]) -> list[Any]:
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
            log.error("%s", result)
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
