"""Values the loader cannot type, and visits it cannot key or place in time.

A value that cannot be typed for its column (`visitDuration: "long"`, `actions: 5.5`, a price
of `"twenty-four"`, a title with a lone surrogate) is loaded as NULL (a text as its repaired
form) and recorded as a row of `matomo_raw.quarantine`; its visit still loads. A visit without
an integer `idVisit`/`idSite`, or with a timestamp outside 2000-01-01..now + 1 day (its own or
one of its actions'), is not loaded at all: it is quarantined whole (one row, the field at
fault). The checkers below are the slow path: the arrow typing (`arrays`) calls them only for
a column of a batch that failed its bulk conversion.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from ..naming import column_name
from .columns import Visit

RAW_VALUE_CHARS = 200
_INT64 = 2**63
_MONEY_LIMIT = Decimal(10) ** 29  # decimal(38, 9)
_MONEY_STEP = Decimal("1e-9")
_EARLIEST = int(dt.datetime(2000, 1, 1, tzinfo=dt.UTC).timestamp())
_SURROGATE = re.compile("[\ud800-\udfff]")

NOT_A_NUMBER = "not a number"
NOT_AN_INTEGER = "not an integer"
OUT_OF_RANGE = "out of range"
BAD_TEXT = "invalid unicode (lone surrogate) replaced by U+FFFD"
NOT_A_TIMESTAMP = "not a timestamp"
VISIT_DROPPED = "visit not loaded"
VALUE_NULL = "loaded as NULL"
TEXT_REPAIRED = "loaded repaired"

Checked = tuple[Any, str | None]  # (typed value or None, reason it could not be typed)


def check_int(value: Any) -> Checked:
    if value is None or value == "":
        return None, None
    if isinstance(value, bool):
        return int(value), None  # Matomo's `false` for "none"
    if isinstance(value, str):
        try:
            value = int(value)
        except ValueError:
            try:
                value = float(value)
            except ValueError:
                return None, NOT_A_NUMBER
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            return None, NOT_AN_INTEGER
        value = int(value)
    if not isinstance(value, int):
        return None, NOT_A_NUMBER
    return (value, None) if -_INT64 <= value < _INT64 else (None, OUT_OF_RANGE)


def check_float(value: Any) -> Checked:
    if value is None or value == "" or isinstance(value, bool):
        return None, None
    if isinstance(value, dict | list):
        return None, NOT_A_NUMBER
    try:
        return float(value), None  # NaN passes, as on the bulk path
    except (TypeError, ValueError):
        return None, NOT_A_NUMBER


def check_decimal(value: Any) -> Checked:
    if value is None or value == "" or isinstance(value, bool):
        return None, None
    if isinstance(value, dict | list):
        return None, NOT_A_NUMBER
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None, NOT_A_NUMBER
    if not number.is_finite():
        return None, NOT_A_NUMBER
    if abs(number) >= _MONEY_LIMIT:
        return None, OUT_OF_RANGE
    if number.as_tuple().exponent < -9:  # type: ignore[operator]
        number = number.quantize(_MONEY_STEP)  # float noise below the column's scale
    return number, None


def repair_text(value: str) -> Checked:
    """A text arrow can store: lone surrogates (invalid UTF-8) become U+FFFD."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value), BAD_TEXT
    return value, None


def repair_json(value: Any) -> Checked:
    """JSON text of a list/object whose strings hold lone surrogates (orjson refuses them)."""
    text = json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))
    return repair_text(text)[0], BAD_TEXT


def outcome(reason: str) -> str:
    """What the loader did with a value quarantined for `reason` (its visit loaded)."""
    return TEXT_REPAIRED if reason == BAD_TEXT else VALUE_NULL


def raw_text(value: Any) -> str:
    """The raw value as text for the quarantine table (repaired, truncated)."""
    if isinstance(value, str):
        text = value
    else:
        try:
            text = json.dumps(value, ensure_ascii=False, default=str)
        except ValueError:
            text = repr(value)
    return _SURROGATE.sub("\ufffd", text)[:RAW_VALUE_CHARS]


def check_visit(visit: Visit, latest: int) -> dict[str, Any] | None:
    """The quarantine row (without site and day) of a visit that cannot be loaded: no integer
    id, or a timestamp outside 2000-01-01..`latest` (epoch seconds); None when it can."""
    id_visit = _key(visit.get("idVisit"))
    for key in ("idVisit", "idSite"):
        if _key(visit.get(key)) is None:
            if visit.get(key) in (None, ""):  # the raw value: what identifies the visit
                ids = {k: visit.get(k) for k in ("idSite", "visitorId", "lastActionTimestamp")}
                return _dropped(id_visit, "visits", key, ids, "missing")
            return _dropped(id_visit, "visits", key, visit.get(key), NOT_AN_INTEGER)
    if visit.get("lastActionTimestamp") in (None, ""):
        return _dropped(id_visit, "visits", "lastActionTimestamp", None, "missing")
    for key in ("lastActionTimestamp", "firstActionTimestamp", "serverTimestamp"):
        reason = _epoch_problem(visit.get(key), latest)
        if reason:
            return _dropped(id_visit, "visits", key, visit.get(key), reason)
    for position, action in enumerate(visit.get("actionDetails") or (), start=1):
        reason = _epoch_problem(action.get("timestamp"), latest)
        if reason:
            row = _dropped(id_visit, "visit_actions", "timestamp", action["timestamp"], reason)
            return {**row, "position": position}
    return None


def _dropped(id_visit: int | None, table: str, key: str, raw: Any, reason: str) -> dict[str, Any]:
    return {
        "id_visit": id_visit,
        "table_name": table,
        "field": column_name(key),
        "raw_value": None if raw is None else raw_text(raw),
        "reason": reason,
        "outcome": VISIT_DROPPED,
    }


def _key(value: Any) -> int | None:
    """An id or epoch as the loader reads it (`int(value)`), or None when it cannot."""
    if type(value) is int and -_INT64 <= value < _INT64:
        return value  # the usual case, first
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if -_INT64 <= number < _INT64 else None


def _epoch_problem(value: Any, latest: int) -> str | None:
    if type(value) is int and _EARLIEST <= value <= latest:
        return None  # the usual case, first
    if value is None or value == "":
        return None
    number = _key(value)
    if number is None:
        return NOT_A_TIMESTAMP
    if not _EARLIEST <= number <= latest:
        return "timestamp before 2000 or after now + 1 day"
    return None


def latest_epoch(now: dt.datetime | None) -> int:
    """The newest timestamp a visit may carry: now + 1 day."""
    now = now or dt.datetime.now(dt.UTC)
    return int(now.timestamp()) + 86_400
