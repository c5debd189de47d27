"""Live visits as pyarrow tables, one per page batch.

The transformers yield arrow tables: dlt then writes them to parquet as they are, without its
per-row normalization (5-10x faster). The arrow schema is explicit and reproduces the table
schema dlt's row path would create (see `columns`). Values are coerced like dlt coerces them
(numeric strings to numbers, numbers to decimals, ...). A Live field unknown here is kept as
a text column (JSON text for lists and objects).
"""

from __future__ import annotations

import datetime as dt
from itertools import chain
from typing import Any

from pipelines.dates import parse_date, zone

from ..naming import column_name
from . import quarantine as q
from .columns import ACTION_ARROW_COLUMNS, ITEM_COLUMNS, VISIT_ARROW_COLUMNS, Visit
from .quarantine import Checked

_VISIT_DROP = frozenset({"actionDetails"})
_ACTION_DROP = frozenset({"itemDetails", "iconSVG", "icon"})


def _arrow_type(column: dict[str, Any]) -> Any:
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
_FAST_ERRORS = (ArithmeticError, TypeError, ValueError)  # pa.ArrowInvalid is a ValueError


def _fast(values: list[Any], kind: str, arrow_type: Any) -> Any:
    """The bulk conversion; raises when any value needs the per-value path. Arrow truncates
    5.5 to 5 when asked for int64: integers are inferred, floats cast (which checks)."""
    import pyarrow as pa

    if kind == "bigint":
        array = pa.array(values)
        if pa.types.is_integer(array.type) or pa.types.is_null(array.type):
            return array.cast(arrow_type)
        if pa.types.is_floating(array.type):
            return array.cast(arrow_type)  # safe cast: raises on a fraction
        raise TypeError(array.type)
    if kind in ("text", "double", "bool"):
        return pa.array(values, arrow_type)
    if kind == "json":
        from dlt.common import json as dlt_json

        dumps = dlt_json.dumps
        return pa.array([None if v is None else dumps(v) for v in values], arrow_type)
    raise TypeError(kind)  # decimal, timestamp, date: per value


def arrow_column(values: list[Any], column: dict[str, Any], bad: list[Any] | None = None) -> Any:
    """One typed arrow array from raw Live values. The fast path hands the list to arrow; a
    column it refuses is typed value by value: a value that cannot be typed becomes NULL (a
    text is repaired) and `(index, raw value, reason)` is appended to `bad`."""
    import pyarrow as pa

    arrow_type = _arrow_type(column)
    kind = column["data_type"]
    try:
        return _fast(values, kind, arrow_type)
    except _FAST_ERRORS:
        pass
    if kind == "date":
        dates = [parse_date(v, "visit_date") if isinstance(v, str) else v for v in values]
        return pa.array(dates, arrow_type)
    if kind == "bool":
        return pa.array([None if v is None else bool(v) for v in values], arrow_type)
    check = _CHECKERS.get(kind, _text)
    typed = []
    for index, value in enumerate(values):
        result, reason = check(value)
        if reason and bad is not None:
            bad.append((index, value, reason))
        typed.append(result)
    return pa.array(typed, arrow_type)


def _table(
    rows: list[dict[str, Any]],
    columns: dict[str, dict[str, Any]],
    computed: dict[str, list[Any]],
    drop: frozenset[str],
    bad: list[tuple[int, str, Any, str]],
) -> Any:
    """An arrow table of `rows` (raw Live dicts): the `columns` spec in order, `computed`
    columns given as value lists, then any unknown field (as text). Values that could not be
    typed are appended to `bad` as (row index, column, raw value, reason)."""
    import pyarrow as pa

    raw = _transpose(rows)
    keys: dict[str, str] = {}  # column -> raw key
    for key in raw:
        if key not in drop:
            keys.setdefault(column_name(key), key)
    arrays: list[Any] = []
    fields: list[Any] = []
    for name, column in columns.items():
        if name in computed:
            values = computed[name]
        else:
            key = keys.get(name)
            values = raw[key] if key else [None] * len(rows)
        arrays.append(_column(values, column, name, bad))
        fields.append(pa.field(name, _arrow_type(column), nullable=column.get("nullable", True)))
    for name, key in sorted(keys.items()):
        if name in columns:
            continue
        values = raw[key]
        if all(v is None for v in values):
            continue  # like dlt: no column for a field that is always null
        arrays.append(_column(values, {"data_type": "text"}, name, bad))
        fields.append(pa.field(name, pa.string()))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _transpose(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Each key of `rows` (first seen first) with its value per row (None where absent): rows
    with the same keys in the same order (Live visits, actions of one type) are transposed
    by `zip`, in C, instead of one `dict.get` per row and column (~20% of the typing)."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, signature in enumerate(map(tuple, rows)):
        groups.setdefault(signature, []).append(index)
    keys = dict.fromkeys(chain.from_iterable(groups))
    if len(groups) == 1:
        (signature,) = groups
        values = zip(*map(dict.values, rows), strict=True)
        return dict(zip(signature, map(list, values), strict=True))
    columns: dict[str, list[Any]] = {key: [] for key in keys}
    order: list[int] = []
    for signature, indices in groups.items():
        order.extend(indices)
        group = [rows[i] for i in indices]
        present = dict(zip(signature, zip(*map(dict.values, group), strict=True), strict=True))
        absent = (None,) * len(indices)
        for key, values in columns.items():
            values.extend(present.get(key, absent))
    position = [0] * len(order)  # row index -> its place in the grouped order
    for place, index in enumerate(order):
        position[index] = place
    return {key: [values[p] for p in position] for key, values in columns.items()}


def _column(
    values: list[Any], column: dict[str, Any], name: str, bad: list[tuple[int, str, Any, str]]
) -> Any:
    found: list[tuple[int, Any, str]] = []
    array = arrow_column(values, column, found)
    bad.extend((index, name, raw, reason) for index, raw, reason in found)
    return array


def _quarantine(
    found: list[tuple[int, str, Any, str]], table: str, keys: dict[str, list[Any]], out: Any
) -> None:
    """Quarantine rows (see `quarantine`) of the values `found` in `table`: its key columns
    (`keys`, per row), the column, the raw value and the reason."""
    if out is None:
        return
    for index, name, raw, reason in found:
        row = {key: values[index] for key, values in keys.items()}
        row.update(table_name=table, field=name, raw_value=q.raw_text(raw), reason=reason)
        row["outcome"] = q.outcome(reason)
        out.append(row)


def visits_table(visits: list[Visit], timezone: str, bad: list[Any] | None = None) -> Any:
    """The `visits` rows of a page: each visit without its actions, plus its site-local date
    (of its last action), the site's timezone and UTC timestamps. Quarantine rows of values
    that could not be typed are appended to `bad` (the visits were screened: ids and
    timestamps are sound, see `quarantine.check_visit`)."""
    local = zone(timezone)
    last = [v.get("lastActionTimestamp") for v in visits]
    computed = {
        "visit_date": [dt.datetime.fromtimestamp(int(ts), local).date() for ts in last],
        "site_timezone": [timezone] * len(visits),
        "first_action_at": [_utc(v.get("firstActionTimestamp")) for v in visits],
        "last_action_at": [_utc(ts) for ts in last],
    }
    found: list[tuple[int, str, Any, str]] = []
    table = _table(visits, VISIT_ARROW_COLUMNS, computed, _VISIT_DROP, found)
    if found:
        _quarantine(found, "visits", {"id_visit": [int(v["idVisit"]) for v in visits]}, bad)
    return table


def actions_table(visits: list[Visit], bad: list[Any] | None = None) -> Any:
    """The `visit_actions` rows of a page: one per actionDetails entry, keyed by (id_site,
    id_visit, position from 1), `type` as text; item details stay in `ecommerce_items`."""
    actions: list[dict[str, Any]] = []
    sites: list[int] = []
    ids: list[int] = []
    positions: list[int] = []
    for visit in visits:
        details = visit.get("actionDetails") or ()
        n = len(details)
        actions.extend(details)
        sites.extend([int(visit["idSite"])] * n)
        ids.extend([int(visit["idVisit"])] * n)
        positions.extend(range(1, n + 1))
    computed = {
        "id_site": sites,
        "id_visit": ids,
        "position": positions,
        "type": [str(a.get("type")) for a in actions],
    }
    found: list[tuple[int, str, Any, str]] = []
    table = _table(actions, ACTION_ARROW_COLUMNS, computed, _ACTION_DROP, found)
    _quarantine(found, "visit_actions", {"id_visit": ids, "position": positions}, bad)
    return table


def items_table(visits: list[Visit], bad: list[Any] | None = None) -> Any:
    """The `ecommerce_items` rows of a page: one per item of an ecommerce order or abandoned
    cart action, with the action's position, type and order id."""
    items: list[dict[str, Any]] = []
    extra: dict[str, list[Any]] = {
        "id_site": [],
        "id_visit": [],
        "position": [],
        "item_position": [],
        "action_type": [],
        "order_id": [],
    }
    for visit in visits:
        id_site, id_visit = int(visit["idSite"]), int(visit["idVisit"])
        for position, action in enumerate(visit.get("actionDetails") or (), start=1):
            details = action.get("itemDetails")
            if not details:
                continue
            for item_position, item in enumerate(details, start=1):
                items.append(item)
                extra["id_site"].append(id_site)
                extra["id_visit"].append(id_visit)
                extra["position"].append(position)
                extra["item_position"].append(item_position)
                extra["action_type"].append(str(action.get("type")))
                extra["order_id"].append(action.get("orderId"))
    found: list[tuple[int, str, Any, str]] = []
    table = _table(items, ITEM_COLUMNS, extra, frozenset(), found)
    keys = {k: extra[k] for k in ("id_visit", "position", "item_position")}
    _quarantine(found, "ecommerce_items", keys, bad)
    return table


def _utc(ts: Any) -> dt.datetime | None:
    return None if ts in (None, "") else dt.datetime.fromtimestamp(int(ts), dt.UTC)
