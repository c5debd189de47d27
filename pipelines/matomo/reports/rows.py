"""Report answers as table rows: flattening, column names and types, load bookkeeping."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import pendulum

from ..naming import column_name
from .catalogue import ReportSpec

log = logging.getLogger(__name__)

BASE_COLUMNS = ("id_site", "period", "date", "segment", "report_params")
ROW_KEY = (*BASE_COLUMNS, "label")
TOMBSTONE = "_tombstone"
SUMMARY_LABELS = frozenset({"-1", "Others"})
DROPPED_COLUMNS = frozenset({"logo", "logoHeight", "logoWidth"})
TEXT_COLUMNS = frozenset({"label", "url", "code"})
TEXT_PREFIXES = ("actions_", "row_")
RESERVED_COLUMNS = frozenset({*ROW_KEY, "is_summary_row", TOMBSTONE})
_MONEY = ("revenue", "price", "event_value")
_RATE = ("rate", "_per_", "avg_", "min_time", "max_time", "attrib")
# page-performance sums in seconds (Actions / custom dimension rows): fractional
_PERF = ("generation", "network", "server", "transfer", "dom_processing", "dom_completion")
_SECONDS = frozenset(f"sum_time_{part}" for part in (*_PERF, "on_load"))
_COUNT_PREFIX = ("nb_", "sum_", "max_actions", "items", "entry_", "exit_", "bounce_count")
_COUNT_NAMES = frozenset({"quantity", "orders", "idsubdatatable", "referer_type", "referrer_type"})

BASE_COLUMN_HINTS: dict[str, dict[str, Any]] = {
    "id_site": {"data_type": "bigint", "nullable": False},
    "period": {"data_type": "text", "nullable": False},
    "date": {"data_type": "date", "nullable": False},
    "segment": {"data_type": "text", "nullable": False},
    "report_params": {"data_type": "text", "nullable": False},
    "label": {"data_type": "text", "nullable": False},
    "is_summary_row": {"data_type": "bool", "nullable": False},
    TOMBSTONE: {"data_type": "bool", "nullable": True, "hard_delete": True},
}


def field_column(field: str) -> str:
    """Matomo field -> column: `column_name`; `segment` & other clashes get a `row_` prefix."""
    name = column_name(field)
    return f"row_{name}" if name in RESERVED_COLUMNS else name


def metric_type(name: str) -> str | None:
    """Declared type of a metric column by its name: decimal, double, bigint or None."""
    if any(part in name for part in _MONEY):
        return "decimal"
    if any(part in name for part in _RATE) or name in _SECONDS:
        return "double"
    if name.startswith(_COUNT_PREFIX) or name.endswith("_count") or name in _COUNT_NAMES:
        return "bigint"
    return None


def value_type(name: str, value: Any) -> str:
    """Column type of field `name` holding `value` (names decide; JSON types only as fallback)."""
    if isinstance(value, dict | list):
        return "json"
    if name in TEXT_COLUMNS or name.startswith(TEXT_PREFIXES):
        return "text"
    declared = metric_type(name)
    if declared:
        return declared
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "double"
    return "bool" if isinstance(value, bool) else "text"


def coerce(data_type: str, value: Any, where: str = "") -> Any:
    """Cast `value` to `data_type`; `false`, '' and unparsable numbers become None."""
    if value is None or data_type in ("json", "text", "bool"):
        return str(value) if data_type == "text" and value is not None else value
    number = _number(value, where)
    if number is None:
        return None
    if data_type == "decimal":
        return number
    if data_type == "double":
        return float(number)
    integral = number.to_integral_value(rounding="ROUND_HALF_UP")
    if integral != number:
        log.warning("%s: %s is not a whole number; rounded", where, value)
    return int(integral)


def _number(value: Any, where: str) -> Decimal | None:
    if isinstance(value, bool):
        return Decimal(1) if value else None  # Matomo sends `false` for "no value"
    text = str(value).strip()
    scale = Decimal(1)
    if text.endswith("%"):
        text, scale = text[:-1].strip(), Decimal("0.01")
    if not text:
        return None
    try:
        return Decimal(text) * scale if scale != 1 else Decimal(text)
    except InvalidOperation:
        log.warning("%s: %r is not a number; stored as NULL", where, value)
        return None


def body_rows(body: Any) -> list[dict[str, Any]]:
    """Rows of a report answer: a list of rows, or one object for single-row reports."""
    if isinstance(body, list):
        return [row for row in body if isinstance(row, dict)]
    if isinstance(body, dict) and body:
        return [body]
    return []


def is_summary_label(label: str) -> bool:
    return label in SUMMARY_LABELS or label.endswith(" - Others")


def flatten_row(raw: Mapping[str, Any], key: Mapping[str, Any]) -> dict[str, Any]:
    """One Matomo row -> one table row: key columns, label, summary flag, typed fields."""
    label = "" if raw.get("label") is None else str(raw["label"])
    row: dict[str, Any] = {**key, "label": label, "is_summary_row": is_summary_label(label)}
    for field, value in raw.items():
        if field == "label" or field in DROPPED_COLUMNS:
            continue
        name = field_column(field)
        row[name] = coerce(value_type(name, value), value, f"{key.get('report')} {name}")
    return row


def report_rows(
    body: Any, spec: ReportSpec, site_id: int, period: str, date: pendulum.Date
) -> list[dict[str, Any]]:
    """All table rows of one report answer (empty list for `[]` / `{}`)."""
    key = row_key(spec, site_id, period, date)
    where = {**key, "report": f"{spec.method} site={site_id} {period} {date}"}
    rows = []
    for raw in body_rows(body):
        row = flatten_row(raw, where)
        del row["report"]
        rows.append(row)
    _warn_duplicate_labels(rows, where["report"])
    return rows


def row_key(spec: ReportSpec, site_id: int, period: str, date: pendulum.Date) -> dict[str, Any]:
    return {
        "id_site": site_id,
        "period": period,
        "date": date,
        "segment": spec.segment,
        "report_params": spec.report_params,
    }


def tombstone_row(spec: ReportSpec, site_id: int, period: str, date: pendulum.Date) -> dict:
    """A row that deletes a re-pulled empty report's old rows and is itself never stored."""
    key = row_key(spec, site_id, period, date)
    return {**key, "label": "", "is_summary_row": False, TOMBSTONE: True}


def _warn_duplicate_labels(rows: list[dict[str, Any]], where: str) -> None:
    seen: set[str] = set()
    for row in rows:
        if row["label"] in seen:
            log.warning("%s: label %r appears twice; only one row is kept", where, row["label"])
        seen.add(row["label"])


def column_hints(rows: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """dlt column hints for report rows: base columns plus each field's declared type."""
    hints = dict(BASE_COLUMN_HINTS)
    for row in rows:
        for name, value in row.items():
            if name not in hints and value is not None:
                hints[name] = {"data_type": value_type(name, value), "nullable": True}
    return hints


def load_row(
    spec: ReportSpec,
    site_id: int,
    period: str,
    date: pendulum.Date,
    row_count: int,
    loaded_at: pendulum.DateTime,
) -> dict[str, Any]:
    """One `report_loads` row: this report was loaded for this site, period and date."""
    return {
        "id_site": site_id,
        "method": spec.method,
        "period": period,
        "date": date,
        "segment": spec.segment,
        "report_params": spec.report_params,
        "row_count": row_count,
        "loaded_at": loaded_at,
    }


LOADS_TABLE = "report_loads"
LOADS_KEY = ("id_site", "method", "period", "date", "segment", "report_params")
LOADS_COLUMN_HINTS: dict[str, dict[str, Any]] = {
    "id_site": {"data_type": "bigint", "nullable": False},
    "method": {"data_type": "text", "nullable": False},
    "period": {"data_type": "text", "nullable": False},
    "date": {"data_type": "date", "nullable": False},
    "segment": {"data_type": "text", "nullable": False},
    "report_params": {"data_type": "text", "nullable": False},
    "row_count": {"data_type": "bigint", "nullable": False},
    "loaded_at": {"data_type": "timestamp", "nullable": False},
}
