"""Per (site, local day) Live visit lists, built lazily from a recording's full lists."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Mapping
from zoneinfo import ZoneInfo

from .recorded import LIVE_METHOD, LiveDay, RecordedCall, Visit, visits_from_body


def _is_full_list(call: RecordedCall, auth: str) -> bool:
    """A recorded Live call listing every visit of its period (no paging, no filters), made
    with the token labelled `auth` in the ordinary state (no scenario)."""
    p = call.params
    return (
        call.method == LIVE_METHOD
        and call.auth == auth
        and call.scenario is None
        and call.http_status == 200
        and call.body.lstrip().startswith("[")
        and p.get("filter_limit") == "-1"
        and p.get("filter_offset", "0") == "0"
        and not p.get("minTimestamp")
        and not p.get("segment")
        and p.get("doNotFetchActions", "0") in ("", "0")
        and "," not in p.get("idSite", "")
    )


class LiveStore:
    """Per (site, local day) visit lists, built lazily from the recorded full lists.

    Day lists (`period=day`) are preferred; a day only covered by a `period=range` list is
    cut out of it using the site's timezone (from the manifest) on `lastActionTimestamp`.
    """

    def __init__(
        self, calls: Iterable[RecordedCall], timezones: Mapping[int, str], auth: str = "valid"
    ) -> None:
        self._day_sources: dict[tuple[int, dt.date], RecordedCall] = {}
        self._range_sources: dict[int, list[RecordedCall]] = {}
        for call in calls:
            if _is_full_list(call, auth):
                self._add_source(call, timezones)
        self._timezones = dict(timezones)
        self._days: dict[tuple[int, dt.date], LiveDay] = {}
        self._range_days: dict[int, dict[dt.date, list[Visit]]] = {}
        self._lock = threading.Lock()

    def _add_source(self, call: RecordedCall, timezones: Mapping[int, str]) -> None:
        try:
            site = int(call.params["idSite"])
            period = call.params.get("period", "")
            date = call.params.get("date", "")
            if period == "day" and "," not in date:
                day = dt.date.fromisoformat(date)
                self._day_sources.setdefault((site, day), call)
            elif period == "range" and site in timezones:
                self._range_sources.setdefault(site, []).append(call)
        except (KeyError, ValueError):
            return

    def recorded_days(self, site: int) -> set[dt.date]:
        days = {d for s, d in self._day_sources if s == site}
        if site in self._range_sources:
            days |= set(self._range_index(site))
        return days

    def day(self, site: int, day: dt.date) -> LiveDay | None:
        """The visits of `site` on local `day`, or None when nothing was recorded for it."""
        key = (site, day)
        found = self._days.get(key)
        if found is not None:
            return found
        with self._lock:
            found = self._days.get(key)
            if found is not None:
                return found
            source = self._day_sources.get(key)
            if source is not None:
                found = LiveDay(visits_from_body(source.body))
            else:
                visits = self._range_index_locked(site).get(day)
                if visits is None:
                    return None
                found = LiveDay(visits)
            self._days[key] = found
            return found

    def _range_index(self, site: int) -> dict[dt.date, list[Visit]]:
        with self._lock:
            return self._range_index_locked(site)

    def _range_index_locked(self, site: int) -> dict[dt.date, list[Visit]]:
        index = self._range_days.get(site)
        if index is not None:
            return index
        index = {}
        tz = self._timezones.get(site)
        for call in self._range_sources.get(site, []) if tz else []:
            self._index_range_call(site, call, ZoneInfo(tz), index)  # type: ignore[arg-type]
        self._range_days[site] = index
        return index

    def _index_range_call(
        self, site: int, call: RecordedCall, zone: ZoneInfo, index: dict[dt.date, list[Visit]]
    ) -> None:
        """Add the days of one `period=range` list that no day list covers to `index`."""
        try:
            start_s, end_s = call.params["date"].split(",")
            start, end = dt.date.fromisoformat(start_s), dt.date.fromisoformat(end_s)
        except (KeyError, ValueError):
            return
        seen: dict[dt.date, set[int]] = {}
        for visit in visits_from_body(call.body):
            local = dt.datetime.fromtimestamp(visit.last_action_ts, zone).date()
            if not start <= local <= end or (site, local) in self._day_sources:
                continue
            if visit.id_visit in seen.setdefault(local, set()):
                continue
            seen[local].add(visit.id_visit)
            index.setdefault(local, []).append(visit)
        for day in _days_between(start, end):
            if (site, day) not in self._day_sources:
                index.setdefault(day, [])


def _days_between(start: dt.date, end: dt.date) -> Iterable[dt.date]:
    day = start
    while day <= end:
        yield day
        day += dt.timedelta(days=1)
