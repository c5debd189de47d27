"""The report catalogue: which reports to load, how each is requested and named."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pendulum

from pipelines.errors import UserError

from ..dimensions import Dimension

log = logging.getLogger(__name__)

EACH_GOAL = "*"
# `idDimension="*"`: one report per active custom dimension of the site (action scope flat).
EACH_DIMENSION = "*"
CUSTOM_DIMENSION = "CustomDimensions.getCustomDimension"
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
    {"method": "Actions.getSiteSearchNoResultKeywords"},
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
    {"method": "VisitTime.getVisitInformationPerServerTime"},
    {"method": "VisitorInterest.getNumberOfVisitsPerVisitDuration"},
    {"method": "VisitorInterest.getNumberOfVisitsPerPage"},
    {"method": "UserId.getUsers"},
)
# Custom dimensions: expanded per site (specs_for_site); sites without any get none.
DEFAULT_CATALOGUE += ({"method": CUSTOM_DIMENSION, "params": {"idDimension": EACH_DIMENSION}},)


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

    @property
    def dimension(self) -> str | None:
        return dict(self.params).get("idDimension") if self.method == CUSTOM_DIMENSION else None

    def with_dimension(self, dimension: Dimension) -> ReportSpec:
        """This spec for one dimension; action scope with `flat=1` (`<value> - <url>` rows)."""
        params = dict(self.params, idDimension=dimension.id)
        if dimension.scope == "action":
            params.setdefault("flat", "1")
        return ReportSpec(self.method, tuple(sorted(params.items())), self.segment)

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
    specs: Iterable[ReportSpec],
    *,
    ecommerce: bool,
    goal_ids: Sequence[str],
    dimensions: Sequence[Dimension] = (),
) -> list[ReportSpec]:
    """Site's reports: ecommerce ones only for ecommerce sites, `idGoal="*"` per goal,
    `idDimension="*"` per active custom dimension."""
    out: list[ReportSpec] = []
    for spec in specs:
        if spec.ecommerce_only and not ecommerce:
            continue
        if spec.goal == EACH_GOAL:
            out.extend(spec.with_goal(goal) for goal in goal_ids)
        elif spec.dimension == EACH_DIMENSION:
            out.extend(spec.with_dimension(dim) for dim in dimensions if dim.active)
        else:
            out.append(spec)
    return out


def needs_goals(specs: Iterable[ReportSpec]) -> bool:
    return any(spec.goal == EACH_GOAL for spec in specs)


def needs_dimensions(specs: Iterable[ReportSpec]) -> bool:
    return any(spec.dimension == EACH_DIMENSION for spec in specs)


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
        if spec.dimension == EACH_DIMENSION:
            note = " (one per active custom dimension of the site; action scope with flat=1)"
        params = " " + "&".join(f"{k}={v}" for k, v in sorted(extra.items())) if extra else ""
        segment = f" segment={spec.segment}" if spec.segment else ""
        lines.append(f"{spec.method}{params}{segment} -> {spec.table_name}{note}")
    return lines
