"""Emulate `Live.getLastVisitsDetails` from the recorded full-day visit lists.

Supported parameters: `idSite` (one site), `period` (`day`, `week`, `month`, `year`, `range`)
with `date` (`YYYY-MM-DD`, or `A,B` for range; both absent = every recorded day),
`filter_limit` (default 10 as Matomo over HTTP; -1 = all), `filter_offset`,
`filter_sort_order` (`desc` default, on lastActionTimestamp; ties in idVisit order as the
recorded Matomo 5.0.2 returns them), `minTimestamp` (strictly greater, on
lastActionTimestamp), `doNotFetchActions=1` and simple segments on top-level visit fields
(`visitConverted==1`, `;` = and, `,` = or, operators `==` `!=` `=@` `!@` `=^` `=$`).
`format_metrics` and `format` are ignored. Anything else is refused with a clear message.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import unquote

from pipelines.dates import parse_date
from pipelines.errors import UserError

from .recorded import LiveDay, Visit, compact_json
from .recording import Recording

DEFAULT_LIVE_FILTER_LIMIT = 10
"""Matomo over HTTP returns 10 visits when `filter_limit` is absent (docs section 6)."""

DATE_ERROR = (
    "Date format must be: YYYY-MM-DD, or 'today' or 'yesterday' or any keyword supported by "
    "the strtotime function (see http://php.net/strtotime for more information): false"
)

_KNOWN_PARAMS = frozenset(
    {
        "module",
        "method",
        "format",
        "token_auth",
        "idSite",
        "period",
        "date",
        "filter_limit",
        "filter_offset",
        "filter_sort_order",
        "minTimestamp",
        "doNotFetchActions",
        "segment",
        "format_metrics",
    }
)


class EmulationError(Exception):
    """The call cannot be emulated; the message is Matomo-like or says what is unsupported."""


class Unsupported(Exception):
    """The emulator does not implement this variant; the caller answers 'no answer'."""


def error_json(message: str) -> str:
    return compact_json({"result": "error", "message": message})


def unknown_site_body(recording: Recording, site: str) -> str:
    """Matomo's unknown-idSite error, from the recorded sample when there is one."""
    template = recording.unknown_site_template()
    if template is not None:
        body, recorded_site = template
        return body.replace(f"'{recorded_site}'", f"'{site}'")
    return error_json(
        f"An unexpected website was found in the request: website id was set to '{site}' ."
    )


def _parse_date(value: str) -> dt.date:
    try:
        return parse_date(value)
    except UserError:
        raise EmulationError(DATE_ERROR) from None


def _period_days(
    period: str | None, date: str | None, recorded: Callable[[], set[dt.date]]
) -> list[dt.date]:
    if not period and not date:
        return sorted(recorded())
    if not period or not date:
        raise Unsupported("both period and date are needed")
    if period == "range":
        parts = date.split(",")
        if len(parts) != 2:
            raise Unsupported(f"period=range with date={date}")
        start, end = _parse_date(parts[0]), _parse_date(parts[1])
    elif "," in date:
        raise Unsupported(f"period={period} with several dates")
    else:
        day = _parse_date(date)
        if period == "day":
            start = end = day
        elif period == "week":
            start = day - dt.timedelta(days=day.weekday())
            end = start + dt.timedelta(days=6)
        elif period == "month":
            start = day.replace(day=1)
            end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        elif period == "year":
            start, end = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
        else:
            raise Unsupported(f"period={period}")
    if end < start:
        start, end = end, start
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def _int_param(params: Mapping[str, str], name: str, default: int) -> int:
    raw = params.get(name, "")
    if raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise Unsupported(f"{name}={raw}") from None


_SEGMENT_RE = re.compile(r"^([A-Za-z0-9_.]+)(==|!=|=@|!@|=\^|=\$)(.*)$")


def _segment_predicate(segment: str) -> Callable[[dict[str, Any]], bool]:
    """`a==1;b!=x,c==y`: `;` binds weaker than `,` (Matomo: OR inside AND)."""
    clauses: list[list[tuple[str, str, str]]] = []
    for and_part in segment.split(";"):
        ors = []
        for cond in and_part.split(","):
            match = _SEGMENT_RE.match(unquote(cond.strip()))
            if not match:
                raise Unsupported(f"segment {segment!r}")
            ors.append((match.group(1), match.group(2), unquote(match.group(3))))
        clauses.append(ors)

    def test(visit: dict[str, Any], name: str, op: str, value: str) -> bool:
        if name not in visit:
            raise Unsupported(f"segment on {name!r} (not a top-level visit field)")
        raw = visit[name]
        actual = "" if raw is None else str(raw)
        if isinstance(raw, bool):
            actual = "1" if raw else "0"
        if op == "==":
            return actual == value
        if op == "!=":
            return actual != value
        if op == "=@":
            return value in actual
        if op == "!@":
            return value not in actual
        if op == "=^":
            return actual.startswith(value)
        return actual.endswith(value)

    def predicate(visit: dict[str, Any]) -> bool:
        return all(any(test(visit, *cond) for cond in ors) for ors in clauses)

    return predicate


def _visits_in_order(
    recording: Recording, site: int, days: list[dt.date], order: str
) -> list[tuple[LiveDay, Visit]]:
    """The visits of `site` on `days` (with the day each comes from), in `order`."""
    pairs: list[tuple[LiveDay, Visit]] = []
    for day in days:
        live_day = recording.live.day(site, day)
        if live_day is not None:
            ordered = live_day.desc if order == "desc" else live_day.asc
            pairs.extend((live_day, v) for v in ordered)
    if len(days) > 1:  # merge the days; ties stay in idVisit order (as Matomo 5.0.2 answered)
        if order == "desc":
            pairs.sort(key=lambda p: (-p[1].last_action_ts, p[1].id_visit))
        else:
            pairs.sort(key=lambda p: (p[1].last_action_ts, p[1].id_visit))
    return pairs


def emulate_live(recording: Recording, params: Mapping[str, str]) -> str:
    """The JSON text Matomo would answer; raises EmulationError (a Matomo error) or
    Unsupported (the recording cannot say)."""
    unknown = sorted(k for k in params if k not in _KNOWN_PARAMS)
    if unknown:
        raise Unsupported(f"parameter(s) {', '.join(unknown)}")
    site_raw = params.get("idSite", "").strip()
    if not site_raw.isdigit():
        raise Unsupported(f"idSite={site_raw!r} (one numeric site id only)")
    site = int(site_raw)
    if site not in recording.sites:
        raise EmulationError(unknown_site_body(recording, site_raw))
    days = _period_days(
        params.get("period"), params.get("date"), lambda: recording.live.recorded_days(site)
    )
    order = params.get("filter_sort_order", "desc").strip().lower() or "desc"
    if order not in ("asc", "desc"):
        raise Unsupported(f"filter_sort_order={order}")
    limit = _int_param(params, "filter_limit", DEFAULT_LIVE_FILTER_LIMIT)
    offset = max(0, _int_param(params, "filter_offset", 0))
    min_ts_raw = params.get("minTimestamp", "").strip()
    min_ts = _int_param(params, "minTimestamp", 0) if min_ts_raw else None
    no_actions = params.get("doNotFetchActions", "").strip().lower() in ("1", "true")
    segment = params.get("segment", "").strip()
    keep = _segment_predicate(segment) if segment else None

    pairs = _visits_in_order(recording, site, days, order)
    if min_ts is not None:
        pairs = [p for p in pairs if p[1].last_action_ts > min_ts]
    if keep is not None:
        pairs = [p for p in pairs if keep(p[1].data)]
    pairs = pairs[offset:] if limit < 0 else pairs[offset : offset + limit]
    if no_actions:
        texts = [live_day.text_without_actions(v) for live_day, v in pairs]
    else:
        texts = [v.text for _, v in pairs]
    return "[" + ",".join(texts) + "]"
