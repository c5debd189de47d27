"""Which report requests a run makes, and the per-site state that decides it:
`reports.<idSite>.<report key>.<period>` = the last day loaded."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pendulum

from pipelines.dates import optional_date, parse_date, to_utc
from pipelines.errors import UserError

from .. import settings
from ..sites import Site, bound_days
from .catalogue import ReportSpec, parse_catalogue

STATE_KEY = "reports"
PERIODS = ("day", "week", "month", "year")
# As documented and in the committed .dlt/config.toml. `year` is opt-in: a year report only
# reconciles once the whole year is loaded, and each run would re-pull the current year.
DEFAULT_PERIODS = ("day", "week", "month")


def parse_periods(periods: Sequence[str] | None) -> tuple[str, ...]:
    chosen = tuple(periods or DEFAULT_PERIODS)
    bad = [p for p in chosen if p not in PERIODS]
    if bad or isinstance(periods, str):
        raise UserError(f"sources.matomo.report_periods {periods!r}: use a list of {PERIODS}")
    return tuple(p for p in PERIODS if p in chosen)


def window(
    last_loaded: pendulum.Date | None,
    start: pendulum.Date,
    end: pendulum.Date,
    lookback_days: int,
) -> tuple[pendulum.Date, pendulum.Date] | None:
    """Days to (re-)pull: from `start` (first run) or `last_loaded - lookback_days`, to `end`."""
    first = start if last_loaded is None else max(start, last_loaded.subtract(days=lookback_days))
    return (first, end) if first <= end else None


def period_start(period: str, day: pendulum.Date) -> pendulum.Date:
    if period == "week":
        return day.subtract(days=day.weekday())  # Monday, like Matomo
    if period == "month":
        return day.replace(day=1)
    if period == "year":
        return day.replace(month=1, day=1)
    return day


def period_dates(period: str, first: pendulum.Date, last: pendulum.Date) -> list[pendulum.Date]:
    """First days of the `period`s that overlap [first, last]."""
    steps = {"day": {"days": 1}, "week": {"weeks": 1}, "month": {"months": 1}, "year": {"years": 1}}
    step = steps[period]
    day = period_start(period, first)
    out = []
    while day <= last:
        out.append(day)
        day = day.add(**step)
    return out


@dataclass(frozen=True)
class ReportPlan:
    """Validated configuration of one Reporting API run."""

    specs: tuple[ReportSpec, ...]
    periods: tuple[str, ...]
    start: pendulum.Date | None  # None: DEFAULT_BACKFILL_DAYS before each site's today
    end: pendulum.Date | None  # None: each site's yesterday
    lookback_days: int
    batch_size: int
    now: pendulum.DateTime
    force_start: bool = False  # re-pull from `start`, whatever the state says


@dataclass(frozen=True)
class Job:
    """One report request: a report for one period starting on `date`."""

    spec: ReportSpec
    period: str
    date: pendulum.Date

    @property
    def window_key(self) -> tuple[str, str]:
        return (self.spec.key, self.period)


def build_plan(
    *,
    start_date: Any = None,
    end_date: Any = None,
    force_start: bool = False,
    reports: Sequence[Any] | None = None,
    extra_reports: Sequence[Any] | None = None,
    report_periods: Sequence[str] | None = None,
    lookback_days: int = 3,
    batch_size: int = 20,
    now: Any = None,
) -> ReportPlan:
    """Validate the source's configuration; UserError (one line) for anything malformed."""
    start = optional_date(start_date, "sources.matomo.start_date")
    end = optional_date(end_date, "sources.matomo.end_date")
    if start is not None and end is not None and end < start:
        raise UserError(f"sources.matomo.end_date {end} is before start_date {start}")
    if int(lookback_days) < 0:
        raise UserError("sources.matomo.report_lookback_days must be 0 or more")
    if int(batch_size) < 1:
        raise UserError("sources.matomo.bulk_batch_size must be 1 or more")
    return ReportPlan(
        specs=tuple(parse_catalogue(reports, extra_reports)),
        periods=parse_periods(report_periods),
        start=start,
        end=end,
        lookback_days=int(lookback_days),
        batch_size=int(batch_size),
        now=to_utc(now),
        force_start=bool(force_start),
    )


def plan_jobs(
    specs: Iterable[ReportSpec],
    periods: Iterable[str],
    site_state: Mapping[str, Mapping[str, str]],
    start: pendulum.Date,
    end: pendulum.Date,
    lookback_days: int,
    force_start: bool = False,
) -> tuple[list[Job], dict[tuple[str, str], pendulum.Date]]:
    """Requests of one site, and the last day each (report, period) reaches when all succeed.

    `force_start` ignores the saved state (an explicit re-pull from `start`)."""
    jobs: list[Job] = []
    reach: dict[tuple[str, str], pendulum.Date] = {}
    for spec in specs:
        for period in periods:
            done = site_state.get(spec.key, {}).get(period)
            last = parse_date(done, "state") if done and not force_start else None
            days = window(last, start, end, lookback_days)
            if days is None:
                continue
            jobs.extend(Job(spec, period, date) for date in period_dates(period, *days))
            reach[(spec.key, period)] = days[1]
    return jobs, reach


def advance_state(
    site_state: dict[str, dict[str, str]],
    reach: Mapping[tuple[str, str], pendulum.Date],
    failed: set[tuple[str, str]],
) -> None:
    """Record the last loaded day of each (report, period) that had no failed request."""
    for (key, period), day in reach.items():
        if (key, period) not in failed:
            periods = site_state.setdefault(key, {})
            periods[period] = max(periods.get(period, ""), day.to_date_string())


def state_beyond(site_state: Mapping[str, Mapping[str, str]], end: pendulum.Date) -> str | None:
    """The latest saved day after `end` (left by a run with a future end_date), if any."""
    days = [day for periods in site_state.values() for day in periods.values()]
    latest = max(days, default="")
    return latest if latest > end.to_date_string() else None


def batches(jobs: Sequence[Job], size: int) -> list[Sequence[Job]]:
    return [jobs[i : i + size] for i in range(0, len(jobs), size)]


def site_range(plan: ReportPlan, site: Site) -> tuple[pendulum.Date, pendulum.Date]:
    """A site's days for this run, by its local today: `start` (default: DEFAULT_BACKFILL_DAYS
    before today; never before the site's creation date) to `end` (default, and at most: its
    yesterday, the last day whose reports are complete). Empty (start > end) if none is left."""
    today = site.today(plan.now)
    default_start = today.subtract(days=settings.DEFAULT_BACKFILL_DAYS)
    yesterday = today.subtract(days=1)
    return bound_days(
        site, plan.start, plan.end, default_start, ("yesterday", yesterday), "reports"
    )
