"""One typed arrow array from the raw Live values of a column (`arrow_column`).

The bulk path hands the whole list to arrow (one `pa.array` plus a cast); a column it refuses
is typed value by value by the checkers of `quarantine`, which also say why a value cannot be
typed. The bulk path only takes a column whose every value it types exactly as the checkers
would; anything else (a fraction in an integer column, money with float noise below 1e-9, a
text that is not UTF-8, a timestamp with a zone) makes arrow raise, and the column is typed
value by value.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pipelines.dates import parse_date

from . import quarantine as q
from .quarantine import Checked


def arrow_type(column: dict[str, Any]) -> Any:
    import pyarrow as pa

    kind = column["data_type"]
    if kind == "bigint":
        return pa.int64()
    if kind == "double":
        return pa.float64()
    if kind == "bool":
        return pa.bool_()
    if kind == "date":
        return pa.date32()
    if kind == "timestamp":
        return pa.timestamp("us", tz="UTC")
    if kind == "decimal":
        return pa.decimal128(column.get("precision", 38), column.get("scale", 9))
    return pa.string()  # text and json (JSON text; the column hint makes it JSON)


def _json_text(value: Any) -> str | None:
    from dlt.common import json as dlt_json

    return None if value is None else dlt_json.dumps(value)


def _timestamp(value: Any) -> Checked:
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)), None
    try:
        parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None, q.NOT_A_TIMESTAMP
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)), None


def _text(value: Any) -> Checked:
    if value is None:
        return None, None
    if isinstance(value, str):
        return q.repair_text(value)
    if isinstance(value, dict | list):
        return _json(value)
    return str(value), None


def _json(value: Any) -> Checked:
    try:
        return _json_text(value), None
    except (TypeError, ValueError):  # orjson refuses lone surrogates
        return q.repair_json(value)


_CHECKERS = {
    "bigint": q.check_int,
    "double": q.check_float,
    "decimal": q.check_decimal,
    "timestamp": _timestamp,
    "json": _json,
}
_NUMBERS = frozenset({type(None), int, float})
_TEXTS = frozenset({type(None), str})
BULK_ERRORS = (ArithmeticError, TypeError, ValueError)  # pa.ArrowInvalid is a ValueError


def _int(values: list[Any], arrow_type: Any) -> Any:
    """Arrow truncates 5.5 to 5 when asked for int64: integers are inferred, floats cast
    (a safe cast: raises on a fraction)."""
    import pyarrow as pa

    array = pa.array(values)
    kind = array.type
    if pa.types.is_integer(kind) or pa.types.is_null(kind) or pa.types.is_floating(kind):
        return array.cast(arrow_type)
    raise TypeError(kind)


def _decimal(values: list[Any], arrow_type: Any) -> Any:
    """Integers cast exactly; floats through their shortest text (the digits of `str(x)`,
    which `check_decimal` reads); numeric texts parsed. Arrow raises on a text it cannot read,
    on NaN, on more than `scale` decimals (float noise, rounded by the checker) and on a value
    beyond the precision."""
    import pyarrow as pa

    kinds = set(map(type, values))  # a bool is no number here (arrow reads True as 1)
    if not (kinds <= _NUMBERS or kinds <= _TEXTS):
        raise TypeError(kinds)
    array = pa.array(values)
    if pa.types.is_floating(array.type):
        array = array.cast(pa.string())
    return array.cast(arrow_type)


def _timestamp_bulk(values: list[Any], arrow_type: Any) -> Any:
    """ISO texts without a zone, read as UTC (arrow reads a subset of what `fromisoformat`
    reads, to the same instant; a zone, `Z` or an empty text make it raise)."""
    import pyarrow as pa

    array = pa.array(values)
    if not (pa.types.is_string(array.type) or pa.types.is_null(array.type)):
        raise TypeError(array.type)
    return array.cast(pa.timestamp(arrow_type.unit)).cast(arrow_type)


def _bulk(values: list[Any], kind: str, arrow_type: Any) -> Any:
    """The bulk conversion; raises when any value needs the per-value path."""
    import pyarrow as pa

    if kind == "bigint":
        return _int(values, arrow_type)
    if kind in ("text", "double", "bool"):
        return pa.array(values, arrow_type)
    if kind == "decimal":
        return _decimal(values, arrow_type)
    if kind == "timestamp":
        return _timestamp_bulk(values, arrow_type)
    if kind == "json":
        from dlt.common import json as dlt_json

        dumps = dlt_json.dumps
        return pa.array([None if v is None else dumps(v) for v in values], arrow_type)
    raise TypeError(kind)  # date: per value


def arrow_column(values: list[Any], column: dict[str, Any], bad: list[Any] | None = None) -> Any:
    """One typed arrow array from raw Live values. The bulk path hands the list to arrow; a
    column it refuses is typed value by value (`per_value`)."""
    try:
        return _bulk(values, column["data_type"], arrow_type(column))
    except BULK_ERRORS:
        return per_value(values, column, bad)


def per_value(values: list[Any], column: dict[str, Any], bad: list[Any] | None = None) -> Any:
    """Typed value by value: a value that cannot be typed becomes NULL (a text is repaired)
    and `(index, raw value, reason)` is appended to `bad`."""
    import pyarrow as pa

    kind, type_ = column["data_type"], arrow_type(column)
    if kind == "date":
        dates = [parse_date(v, "visit_date") if isinstance(v, str) else v for v in values]
        return pa.array(dates, type_)
    if kind == "bool":
        return pa.array([None if v is None else bool(v) for v in values], type_)
    check = _CHECKERS.get(kind, _text)
    typed = []
    for index, value in enumerate(values):
        result, reason = check(value)
        if reason and bad is not None:
            bad.append((index, value, reason))
        typed.append(result)
    return pa.array(typed, type_)
