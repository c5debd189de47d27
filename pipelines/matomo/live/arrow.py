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
from .columns import ACTION_ARROW_COLUMNS, ITEM_COLUMNS, VISIT_ARROW_COLUMNS, Visit

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


def _int(value: Any) -> int | None:
    if value is None or value == "" or value is False:
        return None if value is not False else 0
    if value is True:
        return 1
    try:
        return int(value)
    except (TypeError, ValueError):
        number = float(value)
        return int(number) if number.is_integer() else None


def _decimal(value: Any) -> Any:
    from decimal import Decimal, InvalidOperation

    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _float(value: Any) -> float | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict | list):
        return _json_text(value)
    return str(value)


def _json_text(value: Any) -> str | None:
    from dlt.common import json as dlt_json

    return None if value is None else dlt_json.dumps(value)


def _timestamp_values(values: list[Any]) -> list[Any]:
    out: list[Any] = []
    for value in values:
        if value is None or value == "":
            out.append(None)
        elif isinstance(value, dt.datetime):
            out.append(value if value.tzinfo else value.replace(tzinfo=dt.UTC))
        else:
            try:
                parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            except ValueError:
                out.append(None)
                continue
            out.append(parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC))
    return out


def arrow_column(values: list[Any], column: dict[str, Any]) -> Any:
    """One typed arrow array from raw Live values; the fast path hands the list to arrow."""
    import pyarrow as pa

    arrow_type = _arrow_type(column)
    kind = column["data_type"]
    if kind == "json":
        return pa.array([_json_text(v) for v in values], pa.string())
    try:
        if kind in ("bigint", "text", "double", "date", "bool"):
            return pa.array(values, arrow_type)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
        pass
    if kind == "bigint":
        return pa.array([_int(v) for v in values], arrow_type)
    if kind == "double":
        return pa.array([_float(v) for v in values], arrow_type)
    if kind == "decimal":
        return pa.array([_decimal(v) for v in values], arrow_type)
    if kind == "timestamp":
        return pa.array(_timestamp_values(values), arrow_type)
    if kind == "date":
        dates = [parse_date(v, "visit_date") if isinstance(v, str) else v for v in values]
        return pa.array(dates, arrow_type)
    if kind == "bool":
        return pa.array([None if v is None else bool(v) for v in values], arrow_type)
    return pa.array([_text(v) for v in values], arrow_type)


def _table(
    rows: list[dict[str, Any]],
    columns: dict[str, dict[str, Any]],
    computed: dict[str, list[Any]],
    drop: frozenset[str],
) -> Any:
    """An arrow table of `rows` (raw Live dicts): the `columns` spec in order, `computed`
    columns given as value lists, then any unknown field (as text)."""
    import pyarrow as pa

    keys: dict[str, str] = {}  # column -> raw key
    for key in dict.fromkeys(chain.from_iterable(rows)):
        if key not in drop:
            keys.setdefault(column_name(key), key)
    arrays: list[Any] = []
    fields: list[Any] = []
    for name, column in columns.items():
        if name in computed:
            values = computed[name]
        else:
            key = keys.get(name)
            values = [row.get(key) for row in rows] if key else [None] * len(rows)
        arrays.append(arrow_column(values, column))
        fields.append(pa.field(name, _arrow_type(column), nullable=column.get("nullable", True)))
    for name, key in sorted(keys.items()):
        if name in columns:
            continue
        values = [row.get(key) for row in rows]
        if all(v is None for v in values):
            continue  # like dlt: no column for a field that is always null
        arrays.append(arrow_column(values, {"data_type": "text"}))
        fields.append(pa.field(name, pa.string()))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def visits_table(visits: list[Visit], timezone: str) -> Any:
    """The `visits` rows of a page: each visit without its actions, plus its site-local date
    (of its last action), the site's timezone and UTC timestamps."""
    local = zone(timezone)
    last = [v.get("lastActionTimestamp") for v in visits]
    computed = {
        "visit_date": [dt.datetime.fromtimestamp(int(ts), local).date() for ts in last],
        "site_timezone": [timezone] * len(visits),
        "first_action_at": [_utc(v.get("firstActionTimestamp")) for v in visits],
        "last_action_at": [_utc(ts) for ts in last],
    }
    return _table(visits, VISIT_ARROW_COLUMNS, computed, _VISIT_DROP)


def actions_table(visits: list[Visit]) -> Any:
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
    return _table(actions, ACTION_ARROW_COLUMNS, computed, _ACTION_DROP)


def items_table(visits: list[Visit]) -> Any:
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
    return _table(items, ITEM_COLUMNS, extra, frozenset())


def _utc(ts: Any) -> dt.datetime | None:
    return None if ts in (None, "") else dt.datetime.fromtimestamp(int(ts), dt.UTC)
