"""Live visits as pyarrow tables, one per page batch.

The transformers yield arrow tables: dlt then writes them to parquet as they are, without its
per-row normalization (5-10x faster). The arrow schema is explicit and reproduces the table
schema dlt's row path would create (see `columns`). Values are coerced like dlt coerces them
(numeric strings to numbers, numbers to decimals, ...): `fields` reads the rows' fields,
`arrays` types them. A Live field unknown here is kept as a text column (JSON text for lists
and objects).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pipelines.dates import zone

from . import quarantine as q
from .arrays import BULK_ERRORS, arrow_column, arrow_type
from .columns import ACTION_ARROW_COLUMNS, ITEM_ARROW_COLUMNS, VISIT_ARROW_COLUMNS, Visit
from .fields import Bad, Fields, raw_keys, typed

__all__ = ["actions_table", "arrow_column", "items_table", "visits_table"]

_VISIT_DROP = frozenset({"actionDetails"})
_ACTION_DROP = frozenset({"itemDetails", "iconSVG", "icon"})
_TEXT = {"data_type": "text"}


def _table(
    rows: list[dict[str, Any]],
    columns: dict[str, dict[str, Any]],
    computed: dict[str, Any],
    drop: frozenset[str],
    bad: Bad,
) -> Any:
    """An arrow table of `rows` (raw Live dicts): the `columns` spec in order, `computed`
    columns given as value lists (or typed arrow arrays), then any unknown field (as text).
    Values that could not be typed are appended to `bad` as (row index, column, raw value,
    reason)."""
    import pyarrow as pa
    from dlt.common.normalizers.utils import generate_dlt_ids

    if "_dlt_id" in columns:  # dlt's row id (see columns.ROW_ID)
        computed = {**computed, "_dlt_id": pa.array(generate_dlt_ids(len(rows)), pa.string())}
    keys = {n: k for n, k in raw_keys(rows, drop).items() if n not in computed}
    kinds = {name: columns.get(name, _TEXT)["data_type"] for name in keys}
    fields = Fields(rows, keys, kinds)
    arrays: list[Any] = []
    schema: list[Any] = []
    for name, column in columns.items():
        if name in computed:
            values = computed[name]
            array = values if isinstance(values, pa.Array) else typed(values, column, name, bad)
        else:
            array = fields.column(name, column, bad)
        arrays.append(array)
        nullable = column.get("nullable", True)
        schema.append(pa.field(name, arrow_type(column), nullable=nullable))
    for name in sorted(keys):
        if name in columns:
            continue
        array = fields.column(name, _TEXT, bad)
        if array.null_count == len(array):
            continue  # like dlt: no column for a field that is always null
        arrays.append(array)
        schema.append(pa.field(name, pa.string()))
    return pa.Table.from_arrays(arrays, schema=pa.schema(schema))


def _utc(epochs: list[Any]) -> Any:
    """Epoch seconds (of screened visits: integers, maybe as text) as UTC timestamps."""
    try:
        return _utc_bulk(epochs)
    except BULK_ERRORS:
        return arrow_column([_utc_one(ts) for ts in epochs], {"data_type": "timestamp"})


def _utc_bulk(epochs: list[Any]) -> Any:
    import pyarrow as pa
    import pyarrow.compute as pc

    seconds = pa.array(epochs)
    if not (pa.types.is_integer(seconds.type) or pa.types.is_null(seconds.type)):
        raise TypeError(seconds.type)
    micros = pc.multiply_checked(seconds.cast(pa.int64()), 1_000_000)
    return micros.cast(pa.timestamp("us", tz="UTC"))


def _utc_one(ts: Any) -> dt.datetime | None:
    return None if ts in (None, "") else dt.datetime.fromtimestamp(int(ts), dt.UTC)


def _quarantine(found: Bad, table: str, keys: dict[str, list[Any]], out: Any) -> None:
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
        "first_action_at": _utc([v.get("firstActionTimestamp") for v in visits]),
        "last_action_at": _utc(last),
    }
    found: Bad = []
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
    found: Bad = []
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
    found: Bad = []
    table = _table(items, ITEM_ARROW_COLUMNS, extra, frozenset(), found)
    keys = {k: extra[k] for k in ("id_visit", "position", "item_position")}
    _quarantine(found, "ecommerce_items", keys, bad)
    return table
