"""Run-time plumbing the runner hands to a source: not user configuration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import pendulum

from pipelines.dates import to_utc
from pipelines.logs import Progress


class _Plan(Protocol):
    """What `LoadChunks.end_load` needs of a site's day plan (`live.days.DayPlan`)."""

    @property
    def site_id(self) -> int: ...

    @property
    def days(self) -> tuple[dt.date, ...]: ...


@dataclass
class LoadChunks:
    """Splits a long backfill into several loads: a load ends at the first day boundary after
    `visits_per_load` visits, and the next load of the same run resumes after the last day read
    (forced re-reads too). Each load is committed with its state, so DuckDB's merge stays small
    and a crash loses at most one load. The runner passes the same object to every load of a
    run; `more` says another load is needed."""

    visits_per_load: int = 0  # 0 = no limit
    resume_after: dict[int, dt.date] = field(default_factory=dict)
    finished: set[int] = field(default_factory=set)
    more: bool = False
    visits: int = 0  # read by the current load
    progress: Progress = field(default_factory=Progress)  # days read / total, whole run

    def next_load(self) -> None:
        self.more, self.visits = False, 0

    def day_read(self, site_id: int, day: dt.date, visits: int) -> bool:
        """Record a day read whole; True when the current load should end here."""
        self.resume_after[site_id] = day
        self.visits += visits
        self.progress.day(visits)
        return 0 < self.visits_per_load <= self.visits

    def end_load(
        self, plans: Sequence[_Plan], *, complete: bool, deferred: Collection[int] = ()
    ) -> None:
        """After a load: sites whose plan was read to its end are done for this run; `deferred`
        sites had days left for a later load of the run (not final yet, see `load_plans`)."""
        self.more = not complete or bool(deferred)
        for plan in plans:
            if plan.site_id in deferred:
                continue
            if complete or (plan.days and self.resume_after.get(plan.site_id) == plan.days[-1]):
                self.finished.add(plan.site_id)
                self.resume_after.pop(plan.site_id, None)


@dataclass
class RunContext:
    """What a run passes to the sources besides their configuration.

    now: pretend the clock says this (ISO string or datetime; None = the clock).
    force_start: re-read from `start_date` whatever the saved state says.
    chunks: the Live source's load-chunk tracker, shared by every load of a run.
    failures: report requests that failed (MatomoError), appended by `matomo_reports`.
    append_new_days: a Live load of days no earlier load read may append its rows instead of
        merging them (`live.days.load_plans`); the runner allows it for DuckDB, whose
        interrupted appends `leftovers.undo_unfinished_appends` rolls back before a replay.
    verify_catalogue: check report methods against each site's API.getReportMetadata first;
        a site is then asked only for the reports it offers.
    """

    now: Any = None
    force_start: bool = False
    chunks: LoadChunks = field(default_factory=LoadChunks)
    failures: list[Any] = field(default_factory=list)
    verify_catalogue: bool = False
    append_new_days: bool = False

    def utc_now(self) -> pendulum.DateTime:
        """`now` as a UTC DateTime (the clock when unset)."""
        return to_utc(self.now)
