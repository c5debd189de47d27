"""The days each site reads and the per-site state: `live.<idSite>.last_final_day`, and
whether a load may append its rows (`load_plans`)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from pipelines.dates import next_midnight, parse_date

from .. import settings
from ..run_context import LoadChunks
from ..sites import Site, bound_days

log = logging.getLogger(__name__)

STATE_KEY = "live"
LIVE_OFF_KEY = "live_disabled"  # in a site's state: Matomo's visitor log is off for it
# In a site's state while every day ever loaded for it was final when read (so each of its
# loaded visits was closed and is listed under that day only): {"through": newest such day,
# "timezone": the site's timezone then}. Dropped for good once a day is read not final.
SETTLED_KEY = "settled"
_GRACE = dt.timedelta(minutes=settings.VISIT_TIMEOUT_MINUTES + settings.FINALITY_MARGIN_MINUTES)


def day_is_final(day: dt.date, timezone: str, now: dt.datetime) -> bool:
    """A local day is final once local midnight after it + visit timeout + margin has passed."""
    return now >= next_midnight(day, timezone) + _GRACE


@dataclass(frozen=True)
class DayPlan:
    """The days of one site this run reads, oldest first."""

    site: Site
    days: tuple[dt.date, ...]
    final: tuple[bool, ...]

    @property
    def site_id(self) -> int:
        return self.site.id


def plan_days(
    site: Site,
    *,
    start_date: dt.date | None,
    last_final_day: dt.date | None,
    end_date: dt.date | None,
    now: dt.datetime,
    force_start: bool = False,
) -> DayPlan:
    """Days to read: from the day after the last final one (or `start_date`) to `end_date`.

    `start_date` defaults to `DEFAULT_BACKFILL_DAYS` before the site's today and is moved up
    to its creation date; `end_date` defaults to, and is capped at, the site's local today
    (`sites.bound_days`).
    """
    today = site.today(now)
    default_start = today - dt.timedelta(days=settings.DEFAULT_BACKFILL_DAYS)
    start, end = bound_days(site, start_date, end_date, default_start, ("today", today), "Live")
    if last_final_day is not None and not force_start:
        start = max(start, last_final_day + dt.timedelta(days=1))
    days = tuple(start + dt.timedelta(days=i) for i in range((end - start).days + 1))
    final = tuple(day_is_final(d, site.timezone, now) for d in days)
    return DayPlan(site=site, days=days, final=final)


def plan_site(
    site: Site,
    state: dict[str, Any],
    start: dt.date | None,
    end: dt.date | None,
    force: bool,
    now: dt.datetime,
    chunk: LoadChunks | None = None,
) -> DayPlan:
    """The day plan of one site from its saved state (`state[str(idSite)].last_final_day`),
    or, in a later load of a chunked run (`chunk`), from the day after the last one read."""
    chunk = chunk or LoadChunks()
    if site.id in chunk.finished:  # read whole by an earlier load of this run
        return DayPlan(site=site, days=(), final=())
    resume = chunk.resume_after.get(site.id)
    last = state.get(str(site.id), {}).get("last_final_day")
    plan = plan_days(
        site,
        start_date=resume + dt.timedelta(days=1) if resume else start,
        last_final_day=parse_date(last, "state") if last else None,
        end_date=min(end, site.today(now)) if end and resume else end,  # said in the 1st load
        now=now,
        force_start=force or resume is not None,
    )
    if plan.days:
        log.info(
            "site %s (%s): reading %d day(s) %s..%s, %d final",
            site.id, site.timezone, len(plan.days), plan.days[0], plan.days[-1], sum(plan.final),
        )  # fmt: skip
    return plan


def record_day(state: dict[str, Any], site: Site, day: dt.date, final: bool) -> None:
    """A day was read whole: a final one advances the site's `last_final_day` (and `settled`
    while every day read was final)."""
    fresh = _fresh(state, site)
    site_state = state.setdefault(str(site.id), {})
    site_state.pop(LIVE_OFF_KEY, None)
    settled = site_state.pop(SETTLED_KEY, None)
    if final and (fresh or (settled and settled["timezone"] == site.timezone)):
        through = max(day.isoformat(), settled["through"] if settled else "")
        site_state[SETTLED_KEY] = {"through": through, "timezone": site.timezone}
    if final and str(day) > site_state.get("last_final_day", ""):
        site_state["last_final_day"] = day.isoformat()


def _fresh(state: dict[str, Any], site: Site) -> bool:
    """No day of the site was ever read (an entry is made by the first day read)."""
    return not set(state.get(str(site.id), {})) - {LIVE_OFF_KEY}


def _new(state: dict[str, Any], plan: DayPlan) -> bool:
    """The plan starts after every day loaded for the site, all loaded when final in the same
    timezone: none of the visits of its final days can already be in the warehouse."""
    if _fresh(state, plan.site):
        return True
    settled = state[str(plan.site.id)].get(SETTLED_KEY)
    return bool(
        settled
        and settled["timezone"] == plan.site.timezone
        and plan.days[0].isoformat() > settled["through"]
    )


def load_plans(
    plans: list[DayPlan], state: dict[str, Any], allow_append: bool
) -> tuple[list[DayPlan], bool]:
    """The plans one load reads and whether it appends the Live tables instead of merging.

    It appends when every site with days to read starts after all its loaded days (`_new`)
    and some site starts with a final day; it then reads only the final days (a visit of a
    day not final may still move to the next day's list) and leaves the others to a later
    load of the run, which merges them. Otherwise every plan is read whole and merged."""
    reading = [p for p in plans if p.days]
    if (
        not allow_append
        or not all(_new(state, p) for p in reading)
        or not any(p.final[0] for p in reading)
    ):
        return plans, False
    return [_final_days(p) for p in plans], True


def _final_days(plan: DayPlan) -> DayPlan:
    n = plan.final.index(False) if False in plan.final else len(plan.days)
    return DayPlan(site=plan.site, days=plan.days[:n], final=plan.final[:n])


def record_live_off(state: dict[str, Any], site: Site) -> None:
    """Matomo refused the site's visitor log (deactivated in its settings): one WARNING, and
    `live.<idSite>.live_disabled` in the state (shown by `status`) until a day is read."""
    log.warning("site %d: visitor log (Live) disabled in Matomo; loading its reports only", site.id)
    state.setdefault(str(site.id), {})[LIVE_OFF_KEY] = True
