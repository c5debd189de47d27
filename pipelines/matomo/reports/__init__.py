"""The Reporting API source (`matomo_reports`): Matomo's archived reports, one table each.

Helpers: `catalogue` (which reports, how requested), `schedule` (which days, state), `rows`
(answers as typed rows), `jobs` (bulk requests of one site). See the README, "Reporting API".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import dlt

from .. import settings
from ..client import Halted, MatomoClient, MatomoError, make_client
from ..run_context import RunContext
from ..sites import fetch_sites, list_site_ids
from . import digests
from .jobs import site_report_items
from .offered import Offers, check_configured, configured_methods, fetch_offers, site_specs
from .schedule import STATE_KEY, ReportPlan, build_plan

__all__ = ["matomo_reports"]


@dlt.source(name="matomo_reports", section="matomo", max_table_nesting=0)
def matomo_reports(
    url: str = dlt.config.value,
    api_token: str = dlt.secrets.value,
    site_ids: list[int] | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    reports: list[dict] | None = None,
    extra_reports: list[dict] | None = None,
    report_periods: list[str] | None = None,
    report_lookback_days: int = settings.DEFAULT_REPORT_LOOKBACK_DAYS,
    bulk_batch_size: int = settings.DEFAULT_BULK_BATCH_SIZE,
    request_timeout: float = settings.DEFAULT_TIMEOUT_S,
    max_retries: int = settings.DEFAULT_MAX_RETRIES,
    backoff_base: float = settings.DEFAULT_BACKOFF_BASE_S,
    max_requests_per_second: float = 0.0,
    max_consecutive_failures: int = settings.DEFAULT_MAX_CONSECUTIVE_FAILURES,
    run: RunContext | None = None,
) -> Any:
    """Matomo's archived reports (Reporting API) into one `report_<module>_<action>` table each.

    State (per site, report and period): `reports.<idSite>.<report key>.<period>` = the last
    day loaded; each run re-pulls `report_lookback_days` before it up to `end_date`. Config is
    validated before anything is requested. Failed report requests are appended to
    `run.failures` (and logged); their reports' state does not advance.

    Args:
        url: Matomo base URL (or its `index.php`).
        api_token: token_auth of a user with view access (a secret).
        site_ids: sites to load; None = every site the token can view.
        start_date: first day (YYYY-MM-DD) of a first run; None = 30 days before each
            site's today.
        end_date: last day (YYYY-MM-DD); None = each site's yesterday.
        reports: the catalogue (entries with `method`, optional `params`, `segment`);
            None = the default catalogue.
        extra_reports: entries added to the catalogue.
        report_periods: any of day, week, month, year; None = day, week and month.
        report_lookback_days: days before the last loaded one re-pulled on each run.
        bulk_batch_size: report requests per API.getBulkRequest call.
        request_timeout: seconds to wait for each answer.
        max_retries: retries of a transient failure.
        backoff_base: first retry delay in seconds (doubles per retry).
        max_requests_per_second: client-side rate limit; 0 = none.
        max_consecutive_failures: stop after this many calls in a row failed the same way
            (after their retries); 0 = never.
        run: run-time context (now, force_start, the failures sink, verify_catalogue: check
            the report methods against each site's API.getReportMetadata first and request
            only those it offers); see `RunContext`.
    """
    run = run or RunContext()
    plan = build_plan(
        start_date=start_date,
        end_date=end_date,
        force_start=run.force_start,
        reports=reports,
        extra_reports=extra_reports,
        report_periods=report_periods,
        lookback_days=report_lookback_days,
        batch_size=bulk_batch_size,
        now=run.now,
    )
    client = make_client(
        url, api_token, request_timeout, max_retries, backoff_base, max_requests_per_second,
        max_consecutive_failures,
    )  # fmt: skip
    offers: Offers | None = None  # None: request every report of the catalogue
    if run.verify_catalogue:  # a misspelt report method fails here, before anything is loaded
        offers = fetch_offers(client, site_ids or list_site_ids(client), _metadata_date(plan))
        configured = configured_methods(reports, extra_reports)
        check_configured(client, offers, configured, _metadata_date(plan))
    return report_items(client, plan, site_ids, run.failures, offers)


def _metadata_date(plan: ReportPlan) -> str:
    return plan.start.isoformat() if plan.start else "yesterday"


@dlt.resource(name="reports", write_disposition="merge")
def report_items(
    client: MatomoClient,
    plan: ReportPlan,
    site_ids: list[int] | None,
    failures: list,
    offers: Offers | None = None,
) -> Iterator[Any]:
    """Rows of every catalogue report a site offers (`offers`: per site, from
    API.getReportMetadata; None = every report), site by site, each batch marked with its own
    table: `report_<module>_<action>` (primary key id_site, period, date, segment,
    report_params, label; a re-pulled day replaces its rows) and `report_loads` (one row per
    loaded report and day, also for empty reports). A re-pulled day equal to the stored one
    is skipped (`digests`)."""
    state = dlt.current.source_state().setdefault(STATE_KEY, {})
    known = dlt.current.source_state().setdefault(digests.STATE_KEY, {})
    sites = fetch_sites(client, site_ids)
    for number, site in enumerate(sites, 1):
        offered = None if offers is None else offers.get(site.id)
        site_plan = replace(plan, specs=site_specs(plan.specs, site, offered))
        site_state = state.setdefault(str(site.id), {})
        site_digests = known.setdefault(str(site.id), {})
        try:
            yield from site_report_items(
                client, site_plan, site, site_state, failures, site_digests
            )
        except Halted as stop:  # the circuit breaker tripped: one line instead of a flood
            _stopped(client, stop, site.id, len(sites) - number, failures)
            return


def _stopped(
    client: MatomoClient, stop: Halted, site_id: int, sites_left: int, failures: list
) -> None:
    """Replace the failures that tripped the breaker by its one summary line."""
    if not client.breaker.tripped:
        raise stop
    streak = client.breaker.streak
    failures[:] = [f for f in failures if not any(f is s for s in streak)]
    left = (
        f"{stop.not_attempted} requests of site {site_id}"
        if stop.not_attempted
        else (f"the reports of site {site_id}")
    )
    if sites_left:
        left += f" and {sites_left} more site(s)"
    failures.append(MatomoError(client.breaker.summary("Reporting API", left)))
