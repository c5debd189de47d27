"""Live.getLastVisitsDetails: day windows, paging and the split of a visit into raw rows.

Pure functions apart from `fetch_day_pages`, which pages one closed local day through the client.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Any
from zoneinfo import ZoneInfo

from . import settings
from .client import MatomoClient, MatomoError
from .sites import Site

log = logging.getLogger(__name__)

Visit = dict[str, Any]

# Column types declared up front: Matomo sends money as ints in one row and floats in the
# next (dlt would split such a column into `x` and `x__v_double`), counts as strings or numbers.
_MONEY = {"data_type": "decimal", "precision": 38, "scale": 9}
_INT = {"data_type": "bigint"}
_TEXT = {"data_type": "text"}
_DATE = {"data_type": "date"}
_JSON = {"data_type": "json"}


def _cols(kind: dict[str, Any], *names: str, nullable: bool = True) -> dict[str, dict[str, Any]]:
    return {n: {"name": n, **kind, "nullable": nullable} for n in names}


VISIT_COLUMNS: dict[str, dict[str, Any]] = {
    **_cols(_INT, "id_site", "id_visit", nullable=False),
    **_cols(_DATE, "visit_date", nullable=False),
    **_cols({"data_type": "timestamp", "timezone": True}, "first_action_at", "last_action_at"),
    **_cols(
        _INT,
        "last_action_timestamp", "first_action_timestamp", "server_timestamp", "visit_duration",
        "actions", "interactions", "searches", "events", "goal_conversions", "visit_converted",
        "visit_count", "days_since_first_visit", "seconds_since_first_visit",
        "days_since_last_visit", "seconds_since_last_visit", "days_since_last_ecommerce_order",
        "seconds_since_last_ecommerce_order", "total_ecommerce_conversions",
        "total_ecommerce_items", "total_abandoned_carts", "total_abandoned_carts_items",
        "referrer_keyword_position", "truncated_actions_count",
    ),
    **_cols(_MONEY, "total_ecommerce_revenue", "total_abandoned_carts_revenue"),
    **_cols({"data_type": "double"}, "latitude", "longitude"),
    **_cols(
        _TEXT,
        "visitor_id", "user_id", "fingerprint", "visit_ip", "site_timezone", "visit_server_hour",
        "visit_local_hour", "visit_local_time", "referrer_type", "referrer_name",
        "referrer_keyword", "referrer_url", "device_type", "country_code", "region_code", "city",
        "region", "country", "continent_code", "language_code", "browser_name", "browser_code",
        "operating_system_name", "operating_system_code", "device_brand", "device_model",
        "resolution", "site_name", "site_currency",
        "visit_ecommerce_status", "visitor_type", "server_date",
    ),
    **_cols(_JSON, "plugins_icons"),
}

ACTION_COLUMNS: dict[str, dict[str, Any]] = {
    **_cols(_INT, "id_site", "id_visit", "position", nullable=False),
    **_cols(_TEXT, "type", nullable=False),
    **_cols(
        _INT,
        "timestamp", "page_id_action", "page_id", "pageview_position", "time_spent",
        "page_load_time_milliseconds", "site_search_count", "goal_id", "goal_page_id", "items",
    ),
    **_cols(
        _MONEY,
        "event_value", "revenue", "revenue_sub_total", "revenue_tax", "revenue_shipping",
        "revenue_discount", "product_view_price",
    ),
    **_cols(
        _TEXT,
        "url", "page_title", "idpageview", "event_category", "event_action", "event_name",
        "site_search_keyword", "site_search_category", "goal_name", "order_id", "content_name",
        "content_piece", "content_target", "content_interaction", "product_view_sku",
        "product_view_name", "referrer_type", "referrer_name", "referrer_keyword", "title",
        "subtitle",
    ),
    **_cols(_JSON, "product_view_categories", "custom_variables"),
}

ITEM_COLUMNS: dict[str, dict[str, Any]] = {
    **_cols(_INT, "id_site", "id_visit", "position", "item_position", nullable=False),
    **_cols(_TEXT, "action_type", "order_id", "item_sku", "item_name", "item_category"),
    **_cols(_MONEY, "price"),
    **_cols(_INT, "quantity"),
    **_cols(_JSON, "categories"),
}

GOAL_COLUMNS: dict[str, dict[str, Any]] = {
    **_cols(_INT, "idsite", "idgoal", nullable=False),
    **_cols(_MONEY, "revenue"),
    **_cols(_TEXT, "name", "match_attribute", "pattern", "pattern_type"),
    **_cols(_INT, "case_sensitive", "allow_multiple", "deleted"),
}


# ---------------------------------------------------------------------------- day windows


def parse_date(value: str | dt.date, what: str = "date") -> dt.date:
    """`YYYY-MM-DD` -> date, with a one-line error naming the setting."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise MatomoError(f"{what} {value!r} is not a date; use YYYY-MM-DD") from None


def day_is_final(day: dt.date, timezone: str, now: dt.datetime) -> bool:
    """A local day is final once local midnight after it + visit timeout + margin has passed."""
    tz = ZoneInfo(timezone)
    next_midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    grace = dt.timedelta(
        minutes=settings.VISIT_TIMEOUT_MINUTES + settings.FINALITY_MARGIN_MINUTES
    )
    return now >= next_midnight + grace


def as_utc(now: Any) -> dt.datetime:
    """`now` (None, ISO string or datetime) as an aware UTC datetime."""
    if now is None:
        return dt.datetime.now(dt.UTC)
    if isinstance(now, str):
        try:
            now = dt.datetime.fromisoformat(now.strip().replace("Z", "+00:00"))
        except ValueError:
            raise MatomoError(f"now {now!r} is not an ISO timestamp") from None
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    return now.astimezone(dt.UTC)


@dataclass(frozen=True)
class DayPlan:
    """The days of one site this run reads, oldest first."""

    site: Site
    days: tuple[dt.date, ...]
    final: tuple[bool, ...]


def plan_days(
    site: Site,
    *,
    start_date: dt.date | None,
    last_final_day: dt.date | None,
    end_date: dt.date | None,
    now: dt.datetime,
    force_start: bool = False,
) -> DayPlan:
    """Days to read: from the day after the last final one (or `start_date`) to `end_date`.

    `start_date` defaults to `DEFAULT_BACKFILL_DAYS` before the site's today; `end_date`
    defaults to, and is capped at, the site's local today.
    """
    today = site.today(now)
    end = min(end_date or today, today)
    start = start_date or today - dt.timedelta(days=settings.DEFAULT_BACKFILL_DAYS)
    if last_final_day is not None and not force_start:
        start = max(start, last_final_day + dt.timedelta(days=1))
    days = tuple(start + dt.timedelta(days=i) for i in range((end - start).days + 1))
    final = tuple(day_is_final(d, site.timezone, now) for d in days)
    return DayPlan(site=site, days=days, final=final)


@dataclass
class LoadChunks:
    """Splits a long backfill into several loads: a load ends at the first day boundary after
    `visits_per_load` visits, and the next load of the same run resumes after the last day read
    (forced re-reads too). Each load is committed with its state, so DuckDB's merge stays small
    and a crash loses at most one load. The runner passes the same object to every load of a
    run; `more` says another load is needed."""

    visits_per_load: int = 0  # 0 = no limit
    resume_after: dict[int, dt.date] = field(default_factory=dict)
    finished: set[int] = field(default_factory=set)
    more: bool = False
    visits: int = 0  # read by the current load

    def next_load(self) -> None:
        self.more, self.visits = False, 0

    def day_read(self, site_id: int, day: dt.date, visits: int) -> bool:
        """Record a day read whole; True when the current load should end here."""
        self.resume_after[site_id] = day
        self.visits += visits
        return 0 < self.visits_per_load <= self.visits

    def end_load(self, plans: list[DayPlan], *, complete: bool) -> None:
        """After a load: sites whose plan was read to its end are done for this run."""
        self.more = not complete
        for plan in plans:
            if complete or (plan.days and self.resume_after.get(plan.site.id) == plan.days[-1]):
                self.finished.add(plan.site.id)
                self.resume_after.pop(plan.site.id, None)


def plan_site(
    site: Site,
    state: dict[str, Any],
    start: dt.date | None,
    end: dt.date | None,
    force: bool,
    now: dt.datetime,
    chunk: LoadChunks | None = None,
) -> DayPlan:
    """The day plan of one site from its saved state (`state[str(idSite)].last_final_day`),
    or, in a later load of a chunked run (`chunk`), from the day after the last one read."""
    chunk = chunk or LoadChunks()
    if site.id in chunk.finished:  # read whole by an earlier load of this run
        return DayPlan(site=site, days=(), final=())
    resume = chunk.resume_after.get(site.id)
    last = state.get(str(site.id), {}).get("last_final_day")
    plan = plan_days(
        site,
        start_date=resume + dt.timedelta(days=1) if resume else start,
        last_final_day=parse_date(last) if last else None,
        end_date=end,
        now=now,
        force_start=force or resume is not None,
    )
    if plan.days:
        log.info(
            "site %s (%s): reading %d day(s) %s..%s, %d final",
            site.id, site.timezone, len(plan.days), plan.days[0], plan.days[-1], sum(plan.final),
        )
    return plan


# ---------------------------------------------------------------------------- paging


def live_params(site_id: int, day: dt.date, limit: int, offset: int) -> dict[str, Any]:
    return {
        "idSite": site_id,
        "period": "day",
        "date": day.isoformat(),
        "filter_limit": limit,
        "filter_offset": offset,
        "filter_sort_order": "asc",
        "format_metrics": 0,
    }


def fetch_day_pages(
    client: MatomoClient, site_id: int, day: dt.date, page_size: int
) -> Iterator[list[Visit]]:
    """Pages of one local day, oldest first; stops at the first short page."""
    offset = 0
    while True:
        page = client.call(
            "Live.getLastVisitsDetails", live_params(site_id, day, page_size, offset)
        )
        if not isinstance(page, list):
            raise MatomoError(
                f"expected a list of visits, got {type(page).__name__}",
                method="Live.getLastVisitsDetails",
                params={"idSite": site_id, "date": day.isoformat()},
            )
        if page:
            yield page
        if len(page) < page_size:
            return
        offset += page_size


@dataclass
class DayAudit:
    """What one day's extraction saw; becomes a row of `load_audit`."""

    id_site: int
    visit_date: dt.date
    is_final: bool
    pages: int = 0
    visits: int = 0
    actions: int = 0
    duplicate_visits: int = 0
    other_day_visits: int = 0
    truncated_visits: int = 0
    seen: set[int] = field(default_factory=set, repr=False)

    def row(self) -> dict[str, Any]:
        return {
            "id_site": self.id_site,
            "visit_date": self.visit_date,
            "is_final": self.is_final,
            "pages": self.pages,
            "visits": self.visits,
            "actions": self.actions,
            "duplicate_visits": self.duplicate_visits,
            "other_day_visits": self.other_day_visits,
            "truncated_visits": self.truncated_visits,
            "loaded_at": dt.datetime.now(dt.UTC),
        }

    @property
    def anomalies(self) -> bool:
        return bool(self.duplicate_visits or self.other_day_visits or self.truncated_visits)


def screen_page(page: list[Visit], audit: DayAudit, timezone: str) -> list[Visit]:
    """Drop visits already seen this day (offset paging of a live day can repeat one), count
    visits of another local day and visits whose actions Matomo truncated."""
    audit.pages += 1
    kept = []
    for visit in page:
        id_visit = int(visit["idVisit"])
        if id_visit in audit.seen:
            audit.duplicate_visits += 1
            continue
        audit.seen.add(id_visit)
        if visit_local_date(visit, timezone) != audit.visit_date:
            audit.other_day_visits += 1
        if visit.get("truncatedActionsCount"):
            audit.truncated_visits += 1
        audit.actions += len(visit.get("actionDetails") or ())
        kept.append(visit)
    audit.visits += len(kept)
    return kept


def log_day(site: Site, audit: DayAudit) -> None:
    log.info(
        "site %s %s: %d visits, %d actions%s",
        site.id, audit.visit_date, audit.visits, audit.actions,
        "" if audit.is_final else " (not final yet)",
    )
    if audit.anomalies:
        log.warning(
            "site %s %s: %d duplicate visit(s) dropped, %d visit(s) of another day, "
            "%d visit(s) with truncated actions (see matomo_raw.load_audit)",
            site.id, audit.visit_date, audit.duplicate_visits, audit.other_day_visits,
            audit.truncated_visits,
        )


# ---------------------------------------------------------------------------- row shaping


@lru_cache(maxsize=64)
def _zone(timezone: str) -> ZoneInfo:
    return ZoneInfo(timezone)


def visit_local_date(visit: Visit, timezone: str) -> dt.date:
    """The site-local date of the visit's last action: the day Matomo counts the visit on."""
    ts = int(visit["lastActionTimestamp"])
    return dt.datetime.fromtimestamp(ts, _zone(timezone)).date()


def visit_row(visit: Visit, timezone: str) -> dict[str, Any]:
    """The visit without its actions, plus its local date and UTC timestamps."""
    row = {k: v for k, v in visit.items() if k != "actionDetails"}
    row["visitDate"] = visit_local_date(visit, timezone)
    row["siteTimezone"] = timezone
    row["firstActionAt"] = _utc(visit.get("firstActionTimestamp"))
    row["lastActionAt"] = _utc(visit.get("lastActionTimestamp"))
    return row


def _utc(ts: Any) -> dt.datetime | None:
    return None if ts in (None, "") else dt.datetime.fromtimestamp(int(ts), dt.UTC)


def action_rows(visit: Visit) -> Iterator[dict[str, Any]]:
    """One row per actionDetails entry, keyed by (idSite, idVisit, position from 1)."""
    id_site, id_visit = int(visit["idSite"]), int(visit["idVisit"])
    for position, action in enumerate(visit.get("actionDetails") or (), start=1):
        row = {k: v for k, v in action.items() if k not in ("itemDetails", "iconSVG", "icon")}
        row["type"] = str(action.get("type"))
        row["idSite"], row["idVisit"], row["position"] = id_site, id_visit, position
        yield row


def item_rows(visit: Visit) -> Iterator[dict[str, Any]]:
    """One row per ecommerce item of an order or abandoned cart action."""
    id_site, id_visit = int(visit["idSite"]), int(visit["idVisit"])
    for position, action in enumerate(visit.get("actionDetails") or (), start=1):
        for item_position, item in enumerate(action.get("itemDetails") or (), start=1):
            yield {
                **item,
                "idSite": id_site,
                "idVisit": id_visit,
                "position": position,
                "itemPosition": item_position,
                "actionType": str(action.get("type")),
                "orderId": action.get("orderId"),
            }


# ---------------------------------------------------------------------------- arrow tables
# The transformers yield pyarrow tables: dlt then writes them to parquet as they are, without
# its per-row normalization (5-10x faster). The arrow schema is explicit and reproduces the
# table schema the row path creates: declared columns (above) with their types, the other
# Live fields as dlt infers them from real Matomo 5 responses (`*_OBSERVED`). Values are
# coerced like dlt coerces them (numeric strings to numbers, numbers to decimals, ...).
# A Live field unknown here is kept as a text column (JSON text for lists and objects).

_VISIT_OBSERVED: dict[str, dict[str, Any]] = {
    **_cols({"data_type": "timestamp", "timezone": True}, "last_action_date_time"),
    **_cols(
        _TEXT,
        "site_currency_symbol", "server_time_pretty", "server_date_pretty",
        "server_date_pretty_first_action", "server_time_pretty_first_action",
        "visit_duration_pretty", "referrer_type_name", "language", "device_type_icon",
        "operating_system", "operating_system_icon", "operating_system_version",
        "browser_family", "browser_family_description", "browser", "browser_icon",
        "browser_version", "continent", "country_flag", "location", "plugins",
        "visitor_type_icon", "referrer_search_engine_url", "referrer_search_engine_icon",
        "visit_converted_icon", "visit_ecommerce_status_icon", "referrer_social_network_url",
        "referrer_social_network_icon",
    ),
}
_ACTION_OBSERVED: dict[str, dict[str, Any]] = _cols(
    _TEXT, "server_time_pretty", "page_load_time", "time_spent_pretty"
)
_VISIT_DROP = frozenset({"actionDetails"})
_ACTION_DROP = frozenset({"itemDetails", "iconSVG", "icon"})


@lru_cache(maxsize=4096)
def column_name(key: str) -> str:
    """The table column of a Live field, as dlt's default naming convention names it."""
    from dlt.common.normalizers.naming.snake_case import NamingConvention

    return NamingConvention().normalize_identifier(key)


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
        return pa.array([parse_date(v) if isinstance(v, str) else v for v in values], arrow_type)
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


VISIT_ARROW_COLUMNS = {**VISIT_COLUMNS, **_VISIT_OBSERVED}
ACTION_ARROW_COLUMNS = {**ACTION_COLUMNS, **_ACTION_OBSERVED}


def visits_table(visits: list[Visit], timezone: str) -> Any:
    """The `visits` rows of a page (see `visit_row`) as one arrow table."""
    zone = _zone(timezone)
    last = [v.get("lastActionTimestamp") for v in visits]
    computed = {
        "visit_date": [dt.datetime.fromtimestamp(int(ts), zone).date() for ts in last],
        "site_timezone": [timezone] * len(visits),
        "first_action_at": [_utc(v.get("firstActionTimestamp")) for v in visits],
        "last_action_at": [_utc(ts) for ts in last],
    }
    return _table(visits, VISIT_ARROW_COLUMNS, computed, _VISIT_DROP)


def actions_table(visits: list[Visit]) -> Any:
    """The `visit_actions` rows of a page (see `action_rows`) as one arrow table."""
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
    """The `ecommerce_items` rows of a page (see `item_rows`) as one arrow table."""
    items: list[dict[str, Any]] = []
    extra: dict[str, list[Any]] = {
        "id_site": [], "id_visit": [], "position": [], "item_position": [],
        "action_type": [], "order_id": [],
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


# ---------------------------------------------------------------------------- dlt settings


def configure_dlt_for_arrow() -> None:
    """The tables below are yielded as arrow tables; make dlt add `_dlt_load_id` (the dbt
    models read it) and `_dlt_id` (NOT NULL in tables loaded by earlier versions) to them,
    as it does to rows. Also set in .dlt/config.toml; an explicit setting wins."""
    for key in ("ADD_DLT_LOAD_ID", "ADD_DLT_ID"):
        os.environ.setdefault(f"NORMALIZE__PARQUET_NORMALIZER__{key}", "true")
    dlt_logger = logging.getLogger("dlt")
    if not any(isinstance(f, _JsonHintNotice) for f in dlt_logger.filters):
        dlt_logger.addFilter(_JsonHintNotice())


class _JsonHintNotice(logging.Filter):
    """Drop dlt's per-page warning that our JSON columns arrive as arrow strings: the column
    hint (json) is meant to win, and DuckDB stores the JSON text as the row path does."""

    _PREFIXES = tuple(
        f"In resource: {name}, when merging arrow schema"
        for name in ("visits", "visit_actions", "ecommerce_items")
    )

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self._PREFIXES)
