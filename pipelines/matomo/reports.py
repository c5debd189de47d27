"""Reporting API, pure part: catalogue, request building, row flattening and typing, windows.

Nothing here does I/O; `pipelines.matomo.matomo_reports` (the dlt source) wires it to the
HTTP client and to dlt state. See the README, "Reporting API", for the user-facing conventions.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlencode

import pendulum
from dlt.common.normalizers.naming.snake_case import NamingConvention

from pipelines.errors import UserError

log = logging.getLogger(__name__)

PERIODS = ("day", "week", "month")
DEFAULT_PERIODS = ("day",)
EACH_GOAL = "*"
ECOMMERCE_GOALS = frozenset({"ecommerceOrder", "ecommerceAbandonedCart"})
ECOMMERCE_METHODS = frozenset({"Goals.getItemsSku", "Goals.getItemsName", "Goals.getItemsCategory"})
# Sent with every report request (user params may override them).
STANDARD_PARAMS: dict[str, str] = {"format_metrics": "0", "filter_limit": "-1"}
# Params that shape the answer but do not identify the report: left out of `report_params`.
SHAPE_PARAMS = frozenset({"flat", "format_metrics", "filter_limit"})
# Set by the source itself; a catalogue entry may not set them.
RESERVED_PARAMS = frozenset(
    {"idSite", "idSites", "period", "date", "segment", "method", "module", "format", "token_auth"}
)
ENTRY_KEYS = frozenset({"method", "params", "segment"})
METHOD_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*\.[A-Za-z][A-Za-z0-9_]*$")

FLAT = {"flat": "1"}
DEFAULT_CATALOGUE: tuple[dict[str, Any], ...] = (
    {"method": "VisitsSummary.get"},
    {"method": "VisitFrequency.get"},
    {"method": "Actions.get"},
    {"method": "Actions.getPageUrls", "params": FLAT},
    {"method": "Actions.getPageTitles", "params": FLAT},
    {"method": "Actions.getEntryPageUrls", "params": FLAT},
    {"method": "Actions.getExitPageUrls", "params": FLAT},
    {"method": "Actions.getDownloads", "params": FLAT},
    {"method": "Actions.getOutlinks", "params": FLAT},
    {"method": "Actions.getSiteSearchKeywords"},
    {"method": "Actions.getSiteSearchCategories"},
    {"method": "Events.getCategory"},
    {"method": "Events.getAction"},
    {"method": "Events.getName"},
    {"method": "Contents.getContentNames"},
    {"method": "Contents.getContentPieces"},
    {"method": "Goals.get"},
    {"method": "Goals.get", "params": {"idGoal": EACH_GOAL}},
    {"method": "Goals.get", "params": {"idGoal": "ecommerceOrder"}},
    {"method": "Goals.get", "params": {"idGoal": "ecommerceAbandonedCart"}},
    {"method": "Goals.getItemsSku"},
    {"method": "Goals.getItemsName"},
    {"method": "Goals.getItemsCategory"},
    {"method": "Referrers.getReferrerType"},
    {"method": "Referrers.getAll"},
    {"method": "Referrers.getWebsites"},
    {"method": "Referrers.getSearchEngines"},
    {"method": "Referrers.getKeywords"},
    {"method": "Referrers.getSocials"},
    {"method": "Referrers.getCampaigns"},
    {"method": "UserCountry.getCountry"},
    {"method": "DevicesDetection.getType"},
    {"method": "DevicesDetection.getBrowsers"},
    {"method": "DevicesDetection.getOsFamilies"},
    {"method": "UserLanguage.getLanguage"},
    {"method": "Resolution.getResolution"},
    {"method": "VisitTime.getVisitInformationPerLocalTime"},
    {"method": "VisitorInterest.getNumberOfVisitsPerVisitDuration"},
    {"method": "VisitorInterest.getNumberOfVisitsPerPage"},
)

# ---------------------------------------------------------------------------------- catalogue


@dataclass(frozen=True)
class ReportSpec:
    """One report of the catalogue: a method, its extra params and an optional segment."""

    method: str
    params: tuple[tuple[str, str], ...] = ()
    segment: str = ""

    @property
    def table_name(self) -> str:
        return table_name(self.method)

    @property
    def report_params(self) -> str:
        """Canonical `k=v&k=v` of the params that identify the report (not `flat` etc.)."""
        return canonical_params({k: v for k, v in self.params if k not in SHAPE_PARAMS})

    @property
    def key(self) -> str:
        """State key: method, report params and segment."""
        key = self.method + (f"?{self.report_params}" if self.report_params else "")
        return key + (f"|segment={self.segment}" if self.segment else "")

    @property
    def goal(self) -> str | None:
        return dict(self.params).get("idGoal")

    @property
    def ecommerce_only(self) -> bool:
        return self.method in ECOMMERCE_METHODS or self.goal in ECOMMERCE_GOALS

    def with_goal(self, goal_id: str) -> ReportSpec:
        params = tuple((k, goal_id if k == "idGoal" else v) for k, v in self.params)
        return ReportSpec(self.method, params, self.segment)

    def request(self, site_id: int, period: str, date: pendulum.Date) -> dict[str, str]:
        """The API params of one sub-request (no token: the client adds it)."""
        params = {
            "method": self.method,
            "idSite": str(site_id),
            "period": period,
            "date": date.to_date_string(),
            **STANDARD_PARAMS,
            **dict(self.params),
        }
        if self.segment:
            params["segment"] = self.segment
        return params


def canonical_params(params: Mapping[str, str]) -> str:
    return urlencode(sorted(params.items()))


def table_name(method: str) -> str:
    """`Actions.getPageUrls` -> `report_actions_get_page_urls`."""
    module, action = method.split(".", 1)
    return f"report_{snake(module)}_{snake(action)}"


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _param_value(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float | str):
        return str(value)
    raise UserError(f"report param value {value!r} must be a string or number")


def parse_entry(entry: Any) -> ReportSpec:
    """One `reports` / `extra_reports` config entry -> ReportSpec; UserError when malformed."""
    if isinstance(entry, str):
        entry = {"method": entry}
    if not isinstance(entry, Mapping):
        raise UserError(f"report entry {entry!r} must be a table with a `method` key")
    unknown = set(entry) - ENTRY_KEYS
    method = entry.get("method")
    if unknown:
        raise UserError(f"report entry {method!r}: unknown keys {sorted(unknown)}")
    if not isinstance(method, str) or not METHOD_RE.match(method):
        raise UserError(f"report method {method!r} is not of the form Module.action")
    params = entry.get("params") or {}
    if not isinstance(params, Mapping):
        raise UserError(f"report {method}: `params` must be a table of key = value")
    reserved = RESERVED_PARAMS.intersection(params)
    if reserved:
        raise UserError(f"report {method}: params {sorted(reserved)} are set by the pipeline")
    segment = entry.get("segment") or ""
    if not isinstance(segment, str):
        raise UserError(f"report {method}: `segment` must be a string")
    pairs = tuple(sorted((str(k), _param_value(v)) for k, v in params.items()))
    return ReportSpec(method, pairs, segment)


def parse_catalogue(
    reports: Sequence[Any] | None, extra_reports: Sequence[Any] | None = None
) -> list[ReportSpec]:
    """The effective catalogue: `reports` (default: DEFAULT_CATALOGUE) plus `extra_reports`."""
    entries = list(DEFAULT_CATALOGUE if reports is None else _as_list(reports, "reports"))
    entries += _as_list(extra_reports or [], "extra_reports")
    specs: dict[str, ReportSpec] = {}
    for entry in entries:
        spec = parse_entry(entry)
        if spec.key in specs:
            log.warning("report %s is listed twice; using it once", spec.key)
        specs.setdefault(spec.key, spec)
    if not specs:
        raise UserError("the report catalogue is empty; set sources.matomo.reports")
    return list(specs.values())


def _as_list(value: Any, name: str) -> list[Any]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise UserError(f"sources.matomo.{name} must be a list of report entries")
    return list(value)


def specs_for_site(
    specs: Iterable[ReportSpec], *, ecommerce: bool, goal_ids: Sequence[str]
) -> list[ReportSpec]:
    """Site's reports: ecommerce ones only for ecommerce sites, `idGoal="*"` per goal."""
    out: list[ReportSpec] = []
    for spec in specs:
        if spec.ecommerce_only and not ecommerce:
            continue
        if spec.goal == EACH_GOAL:
            out.extend(spec.with_goal(goal) for goal in goal_ids)
        else:
            out.append(spec)
    return out


def needs_goals(specs: Iterable[ReportSpec]) -> bool:
    return any(spec.goal == EACH_GOAL for spec in specs)


def goal_ids(goals: Any) -> list[str]:
    """Goal ids from a `Goals.getGoals` answer (a list, or an object keyed by id)."""
    rows = goals.values() if isinstance(goals, Mapping) else goals or []
    return sorted({str(row["idgoal"]) for row in rows}, key=lambda g: (len(g), g))


def catalogue_lines(specs: Iterable[ReportSpec]) -> list[str]:
    """Human-readable lines for `reports --list`."""
    lines = []
    for spec in specs:
        extra = dict(spec.params)
        note = " (ecommerce sites)" if spec.ecommerce_only else ""
        if spec.goal == EACH_GOAL:
            note = " (one per goal of the site)"
        params = " " + "&".join(f"{k}={v}" for k, v in sorted(extra.items())) if extra else ""
        segment = f" segment={spec.segment}" if spec.segment else ""
        lines.append(f"{spec.method}{params}{segment} -> {spec.table_name}{note}")
    return lines


# ---------------------------------------------------------------------------------- dates


def parse_date(value: Any, name: str) -> pendulum.Date:
    """`YYYY-MM-DD` (or a date) -> Date; UserError naming the config key otherwise."""
    if isinstance(value, pendulum.Date) and not isinstance(value, pendulum.DateTime):
        return value
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise UserError(f"sources.matomo.{name} = {value!r} is not a date (YYYY-MM-DD)")
    try:
        return pendulum.Date.fromisoformat(text)
    except ValueError:
        raise UserError(f"sources.matomo.{name} = {value!r} is not a valid date") from None


def parse_periods(periods: Sequence[str] | None) -> tuple[str, ...]:
    chosen = tuple(periods or DEFAULT_PERIODS)
    bad = [p for p in chosen if p not in PERIODS]
    if bad or isinstance(periods, str):
        raise UserError(f"sources.matomo.report_periods {periods!r}: use a list of {PERIODS}")
    return tuple(p for p in PERIODS if p in chosen)


def window(
    last_loaded: pendulum.Date | None,
    start: pendulum.Date,
    end: pendulum.Date,
    lookback_days: int,
) -> tuple[pendulum.Date, pendulum.Date] | None:
    """Days to (re-)pull: from `start` (first run) or `last_loaded - lookback_days`, to `end`."""
    first = start if last_loaded is None else max(start, last_loaded.subtract(days=lookback_days))
    return (first, end) if first <= end else None


def period_start(period: str, day: pendulum.Date) -> pendulum.Date:
    if period == "week":
        return day.subtract(days=day.weekday())  # Monday, like Matomo
    if period == "month":
        return day.replace(day=1)
    return day


def period_dates(period: str, first: pendulum.Date, last: pendulum.Date) -> list[pendulum.Date]:
    """First days of the `period`s that overlap [first, last]."""
    step = {"day": {"days": 1}, "week": {"weeks": 1}, "month": {"months": 1}}[period]
    day = period_start(period, first)
    out = []
    while day <= last:
        out.append(day)
        day = day.add(**step)
    return out


# ---------------------------------------------------------------------------------- rows

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
_COUNT_PREFIX = ("nb_", "sum_", "max_actions", "items", "entry_", "exit_", "bounce_count")
_COUNT_NAMES = frozenset({"quantity", "orders", "idsubdatatable", "referer_type", "referrer_type"})
_NAMING = NamingConvention()

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


def column_name(key: str) -> str:
    """Matomo field -> column: snake_case; `segment` & other clashes get a `row_` prefix."""
    name = _NAMING.normalize_identifier(key)
    return f"row_{name}" if name in RESERVED_COLUMNS else name


def metric_type(name: str) -> str | None:
    """Declared type of a metric column by its name: decimal, double, bigint or None."""
    if any(part in name for part in _MONEY):
        return "decimal"
    if any(part in name for part in _RATE):
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
        name = column_name(field)
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


# ---------------------------------------------------------------------------------- plan


@dataclass(frozen=True)
class ReportPlan:
    """Validated configuration of one Reporting API run."""

    specs: tuple[ReportSpec, ...]
    periods: tuple[str, ...]
    start: pendulum.Date | None  # None: DEFAULT_BACKFILL_DAYS before each site's today
    end: pendulum.Date | None  # None: each site's yesterday
    lookback_days: int
    batch_size: int
    now: pendulum.DateTime
    force_start: bool = False  # re-pull from `start`, whatever the state says


@dataclass(frozen=True)
class Job:
    """One report request: a report for one period starting on `date`."""

    spec: ReportSpec
    period: str
    date: pendulum.Date

    @property
    def window_key(self) -> tuple[str, str]:
        return (self.spec.key, self.period)


def build_plan(
    *,
    start_date: Any = None,
    end_date: Any = None,
    force_start: bool = False,
    reports: Sequence[Any] | None = None,
    extra_reports: Sequence[Any] | None = None,
    report_periods: Sequence[str] | None = None,
    lookback_days: int = 3,
    batch_size: int = 20,
    now: Any = None,
) -> ReportPlan:
    """Validate the source's configuration; UserError (one line) for anything malformed."""
    start = parse_date(start_date, "start_date") if start_date else None
    end = parse_date(end_date, "end_date") if end_date else None
    if start is not None and end is not None and end < start:
        raise UserError(f"sources.matomo.end_date {end} is before start_date {start}")
    if int(lookback_days) < 0:
        raise UserError("sources.matomo.report_lookback_days must be 0 or more")
    if int(batch_size) < 1:
        raise UserError("sources.matomo.bulk_batch_size must be 1 or more")
    return ReportPlan(
        specs=tuple(parse_catalogue(reports, extra_reports)),
        periods=parse_periods(report_periods),
        start=start,
        end=end,
        lookback_days=int(lookback_days),
        batch_size=int(batch_size),
        now=as_datetime(now),
        force_start=bool(force_start),
    )


def as_datetime(now: Any) -> pendulum.DateTime:
    """`now` as an aware DateTime: None = the real now; naive values are taken as UTC."""
    if now is None:
        return pendulum.now("UTC")
    if isinstance(now, str):
        parsed = pendulum.parse(now)
        if not isinstance(parsed, pendulum.DateTime):
            raise UserError(f"now = {now!r} is not a date-time")
        return parsed
    if isinstance(now, pendulum.DateTime):
        return now
    return pendulum.instance(now, tz="UTC")


def plan_jobs(
    specs: Iterable[ReportSpec],
    periods: Iterable[str],
    site_state: Mapping[str, Mapping[str, str]],
    start: pendulum.Date,
    end: pendulum.Date,
    lookback_days: int,
    force_start: bool = False,
) -> tuple[list[Job], dict[tuple[str, str], pendulum.Date]]:
    """Requests of one site, and the last day each (report, period) reaches when all succeed.

    `force_start` ignores the saved state (an explicit re-pull from `start`)."""
    jobs: list[Job] = []
    reach: dict[tuple[str, str], pendulum.Date] = {}
    for spec in specs:
        for period in periods:
            done = site_state.get(spec.key, {}).get(period)
            last = parse_date(done, "state") if done and not force_start else None
            days = window(last, start, end, lookback_days)
            if days is None:
                continue
            jobs.extend(Job(spec, period, date) for date in period_dates(period, *days))
            reach[(spec.key, period)] = days[1]
    return jobs, reach


def advance_state(
    site_state: dict[str, dict[str, str]],
    reach: Mapping[tuple[str, str], pendulum.Date],
    failed: set[tuple[str, str]],
) -> None:
    """Record the last loaded day of each (report, period) that had no failed request."""
    for (key, period), day in reach.items():
        if (key, period) not in failed:
            periods = site_state.setdefault(key, {})
            periods[period] = max(periods.get(period, ""), day.to_date_string())


def batches(jobs: Sequence[Job], size: int) -> list[Sequence[Job]]:
    return [jobs[i : i + size] for i in range(0, len(jobs), size)]
