"""Dates and "now", one way, with pendulum: config dates, the run's clock, site-local days."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

import pendulum

from pipelines.errors import UserError

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: Any, what: str = "date") -> pendulum.Date:
    """`YYYY-MM-DD` (or a date) -> Date; UserError naming `what` (the setting) otherwise."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return pendulum.Date(value.year, value.month, value.day)
    text = str(value).strip()
    try:
        if _ISO_DATE.fullmatch(text):
            return pendulum.Date.fromisoformat(text)
    except ValueError:
        pass
    raise UserError(f"{what} {value!r} is not a date; use YYYY-MM-DD".strip())


def optional_date(value: Any, what: str) -> pendulum.Date | None:
    """`parse_date` of a setting that may be unset (None or empty)."""
    return parse_date(value, what) if value else None


def to_utc(now: Any = None) -> pendulum.DateTime:
    """The run's "now" as a UTC DateTime: None = the clock; an ISO string or a datetime
    (naive ones are taken as UTC)."""
    if now is None:
        return pendulum.now("UTC")
    if isinstance(now, str):
        try:
            parsed = pendulum.parse(now.strip(), tz="UTC")
        except (ValueError, TypeError):
            parsed = None
        if not isinstance(parsed, pendulum.DateTime):
            raise UserError(f"now {now!r} is not an ISO timestamp")
        return parsed.in_timezone("UTC")
    return pendulum.instance(now, tz="UTC").in_timezone("UTC")


@lru_cache(maxsize=64)
def zone(timezone: str) -> Any:
    """The (cached) timezone of a site; a `zoneinfo.ZoneInfo`, so stdlib datetimes take it."""
    return pendulum.timezone(timezone)


def local_date(timestamp: Any, timezone: str) -> dt.date:
    """The local date in `timezone` of a Unix timestamp (hot path: plain datetime)."""
    return dt.datetime.fromtimestamp(int(timestamp), zone(timezone)).date()


def next_midnight(day: dt.date, timezone: str) -> pendulum.DateTime:
    """Local midnight at the end of `day` in `timezone` (DST-aware)."""
    following = day + dt.timedelta(days=1)
    return pendulum.datetime(following.year, following.month, following.day, tz=timezone)


def local_today(timezone: str, now: Any = None) -> pendulum.Date:
    """The local date in `timezone` at `now` (see `to_utc`; default: the clock)."""
    return to_utc(now).in_timezone(timezone).date()


def local_date_of(utc_text: Any, timezone: str) -> pendulum.Date | None:
    """The local date in `timezone` of a UTC datetime text such as Matomo's `ts_created`
    (`YYYY-MM-DD HH:MM:SS`); None when it is empty or not a datetime."""
    if not utc_text:
        return None
    try:
        return local_today(timezone, str(utc_text))
    except UserError:
        return None
