"""The fields of many Live rows (dicts), column by column, typed (`Fields`).

Fields of a plain kind (text, bigint, double, bool) are read from all rows at once by arrow
(`pa.array(rows, struct)`, in C): no Python list per column, no transposing. The other kinds
(decimal, timestamp, date, JSON) and any field arrow refuses are taken out as Python lists and
typed by `arrays.arrow_column` (bulk, or value by value with quarantine reasons). Arrow reads an
integer field as float64 and casts it safely: asked for int64 it would truncate 5.5 to 5.
"""

from __future__ import annotations

from itertools import chain, repeat
from typing import Any

from ..naming import column_name
from .arrays import BULK_ERRORS, arrow_column, arrow_type

_READ_AS = {"text": "string", "bigint": "float64", "double": "float64", "bool": "bool_"}
_REFUSED: set[str] = set()  # raw keys arrow refused once: read as Python lists from then on
_REFUSED_MAX = 1000

Bad = list[tuple[int, str, Any, str]]  # (row index, column, raw value, reason)


def raw_keys(rows: list[dict[str, Any]], drop: frozenset[str]) -> dict[str, str]:
    """Column name -> raw key of the fields of `rows` (first seen first; the first raw key of
    a column name wins), without the `drop` keys."""
    seen = dict.fromkeys(chain.from_iterable(dict.fromkeys(map(tuple, rows))))
    keys: dict[str, str] = {}
    for key in seen:
        if key not in drop:
            keys.setdefault(column_name(key), key)
    return keys


class Fields:
    """The raw fields `keys` (column name -> raw key) of `rows`, each typed per its column
    spec by `column`; values that cannot be typed are appended to `bad`."""

    def __init__(self, rows: list[dict[str, Any]], keys: dict[str, str], kinds: dict[str, str]):
        self.rows = rows
        self.keys = keys
        plain = {
            key: _READ_AS[kinds[name]]
            for name, key in keys.items()
            if kinds.get(name) in _READ_AS and key not in _REFUSED
        }
        self.read = _read(rows, plain)

    def column(self, name: str, column: dict[str, Any], bad: Bad) -> Any:
        import pyarrow as pa

        key = self.keys.get(name)
        if key is None:
            return pa.nulls(len(self.rows), arrow_type(column))
        array = self.read.get(key)
        if array is not None:
            try:
                return array.cast(arrow_type(column))  # safe: a fraction raises
            except BULK_ERRORS:
                pass
        values = list(map(dict.get, self.rows, repeat(key)))
        return typed(values, column, name, bad)


def typed(values: list[Any], column: dict[str, Any], name: str, bad: Bad) -> Any:
    """`arrow_column` of `values`, its bad values appended to `bad` with the column `name`."""
    found: list[tuple[int, Any, str]] = []
    array = arrow_column(values, column, found)
    bad.extend((index, name, raw, reason) for index, raw, reason in found)
    return array


def _read(rows: list[dict[str, Any]], plain: dict[str, str]) -> dict[str, Any]:
    """Raw key -> arrow array of the `plain` fields (raw key -> arrow type name), read from
    the rows at once; when arrow refuses a value, field by field (the refused fields are
    remembered and left out)."""
    import pyarrow as pa

    if not plain or not rows:
        return {}
    fields = [pa.field(key, getattr(pa, kind)()) for key, kind in plain.items()]
    try:
        return dict(zip(plain, pa.array(rows, pa.struct(fields)).flatten(), strict=True))
    except BULK_ERRORS:
        pass
    read = {}
    for field in fields:
        try:
            read[field.name] = pa.array(rows, pa.struct([field])).field(0)
        except BULK_ERRORS:
            if len(_REFUSED) < _REFUSED_MAX:
                _REFUSED.add(field.name)
    return read
