"""Load a Matomo API recording (`calls.jsonl.gz` + `manifest.json`) and index its calls.

A recording directory holds:

- `calls.jsonl.gz`: one JSON object per line with `method`, `params` (every request
  parameter except `token_auth`, values as strings), `http_status`, `auth`
  (`valid`, `invalid` or `none`) and `body` (the exact response text);
- `manifest.json` (optional here): sites with their timezones, goals, periods and an index
  of the calls with their `group`.

Calls are indexed by (params without `token_auth`, auth); `params` include `method`.
The full-day `Live.getLastVisitsDetails` lists are located at load time and decoded lazily,
once per (site, local day), by `LiveStore`.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

log = logging.getLogger(__name__)

CALLS_FILE = "calls.jsonl.gz"
MANIFEST_FILE = "manifest.json"
LIVE_METHOD = "Live.getLastVisitsDetails"
AUTH_KINDS = ("valid", "invalid", "none")

ParamsKey = tuple[tuple[str, str], ...]

_DECODER = json.JSONDecoder()


def params_key(params: Mapping[str, str]) -> ParamsKey:
    """The lookup key of a call: its params, sorted, without `token_auth`."""
    return tuple(sorted((k, v) for k, v in params.items() if k != "token_auth"))


@dataclass(frozen=True)
class RecordedCall:
    """One recorded HTTP call."""

    line: int
    method: str
    params: Mapping[str, str]
    http_status: int
    auth: str
    body: str = field(repr=False)
    group: str | None = None

    @property
    def is_error(self) -> bool:
        return self.http_status != 200 or self.body.startswith('{"result":"error"')


@dataclass(frozen=True)
class Visit:
    """One Live visit: its sort keys, parsed dict and the exact JSON text Matomo sent."""

    id_visit: int
    last_action_ts: int
    data: dict[str, Any] = field(repr=False)
    text: str = field(repr=False)


class LiveDay:
    """The visits of one site on one local day, decoded once from a recorded full-day list."""

    def __init__(self, visits: list[Visit]) -> None:
        self.asc: list[Visit] = sorted(visits, key=lambda v: (v.last_action_ts, v.id_visit))
        # Matomo 5.0.2 orders by visit_last_action_time only; ties come back in idVisit
        # order for both directions in the recording, so desc keeps idVisit ascending.
        self.desc: list[Visit] = sorted(visits, key=lambda v: (-v.last_action_ts, v.id_visit))
        self._no_actions: dict[int, str] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.asc)

    def text_without_actions(self, visit: Visit) -> str:
        """The visit's JSON with `actionDetails` emptied (doNotFetchActions=1), cached."""
        cached = self._no_actions.get(visit.id_visit)
        if cached is None:
            cached = _strip_action_details(visit)
            with self._lock:
                self._no_actions[visit.id_visit] = cached
        return cached


def _strip_action_details(visit: Visit) -> str:
    text = visit.text
    marker = '"actionDetails":['
    start = text.find(marker)
    if start >= 0:
        try:
            _, end = _DECODER.raw_decode(text, start + len(marker) - 1)
        except ValueError:
            end = -1
        if end > 0:
            return text[:start] + '"actionDetails":[]' + text[end:]
    data = dict(visit.data)
    data["actionDetails"] = []
    return compact_json(data)


def compact_json(value: Any) -> str:
    """Serialize like Matomo's json_encode: compact, ASCII-only, slashes escaped."""
    return json.dumps(value, separators=(",", ":")).replace("/", "\\/")


def split_json_array(text: str) -> list[tuple[Any, str]]:
    """Parse a JSON array, keeping each element's exact source text."""
    out: list[tuple[Any, str]] = []
    n = len(text)
    i = text.index("[") + 1
    while True:
        while i < n and text[i] in " \t\r\n":
            i += 1
        if i >= n:
            raise ValueError("unterminated JSON array")
        if text[i] == "]":
            return out
        value, end = _DECODER.raw_decode(text, i)
        out.append((value, text[i:end]))
        i = end
        while i < n and text[i] in " \t\r\n":
            i += 1
        if i < n and text[i] == ",":
            i += 1


def _visits_from_body(body: str) -> list[Visit]:
    visits = []
    for data, text in split_json_array(body):
        if isinstance(data, dict) and "idVisit" in data:
            visits.append(
                Visit(int(data["idVisit"]), int(data.get("lastActionTimestamp") or 0), data, text)
            )
    return visits


def _is_full_list(call: RecordedCall) -> bool:
    """A recorded Live call listing every visit of its period (no paging, no filters)."""
    p = call.params
    return (
        call.method == LIVE_METHOD
        and call.auth == "valid"
        and call.http_status == 200
        and call.body.lstrip().startswith("[")
        and p.get("filter_limit") == "-1"
        and p.get("filter_offset", "0") == "0"
        and not p.get("minTimestamp")
        and not p.get("segment")
        and p.get("doNotFetchActions", "0") in ("", "0")
        and "," not in p.get("idSite", "")
    )


class LiveStore:
    """Per (site, local day) visit lists, built lazily from the recorded full lists.

    Day lists (`period=day`) are preferred; a day only covered by a `period=range` list is
    cut out of it using the site's timezone (from the manifest) on `lastActionTimestamp`.
    """

    def __init__(self, calls: Iterable[RecordedCall], timezones: Mapping[int, str]) -> None:
        self._day_sources: dict[tuple[int, dt.date], RecordedCall] = {}
        self._range_sources: dict[int, list[RecordedCall]] = {}
        for call in calls:
            if not _is_full_list(call):
                continue
            try:
                site = int(call.params["idSite"])
                period = call.params.get("period", "")
                date = call.params.get("date", "")
                if period == "day" and "," not in date:
                    day = dt.date.fromisoformat(date)
                    self._day_sources.setdefault((site, day), call)
                elif period == "range" and site in timezones:
                    self._range_sources.setdefault(site, []).append(call)
            except (KeyError, ValueError):
                continue
        self._timezones = dict(timezones)
        self._days: dict[tuple[int, dt.date], LiveDay] = {}
        self._range_days: dict[int, dict[dt.date, list[Visit]]] = {}
        self._lock = threading.Lock()

    def recorded_days(self, site: int) -> set[dt.date]:
        days = {d for s, d in self._day_sources if s == site}
        if site in self._range_sources:
            days |= set(self._range_index(site))
        return days

    def day(self, site: int, day: dt.date) -> LiveDay | None:
        """The visits of `site` on local `day`, or None when nothing was recorded for it."""
        key = (site, day)
        found = self._days.get(key)
        if found is not None:
            return found
        with self._lock:
            found = self._days.get(key)
            if found is not None:
                return found
            source = self._day_sources.get(key)
            if source is not None:
                found = LiveDay(_visits_from_body(source.body))
            else:
                visits = self._range_index_locked(site).get(day)
                if visits is None:
                    return None
                found = LiveDay(visits)
            self._days[key] = found
            return found

    def _range_index(self, site: int) -> dict[dt.date, list[Visit]]:
        with self._lock:
            return self._range_index_locked(site)

    def _range_index_locked(self, site: int) -> dict[dt.date, list[Visit]]:
        index = self._range_days.get(site)
        if index is not None:
            return index
        index = {}
        tz = self._timezones.get(site)
        for call in self._range_sources.get(site, []) if tz else []:
            zone = ZoneInfo(tz)  # type: ignore[arg-type]
            try:
                start_s, end_s = call.params["date"].split(",")
                start, end = dt.date.fromisoformat(start_s), dt.date.fromisoformat(end_s)
            except (KeyError, ValueError):
                continue
            seen: dict[dt.date, set[int]] = {}
            for visit in _visits_from_body(call.body):
                local = dt.datetime.fromtimestamp(visit.last_action_ts, zone).date()
                if not start <= local <= end or (site, local) in self._day_sources:
                    continue
                if visit.id_visit in seen.setdefault(local, set()):
                    continue
                seen[local].add(visit.id_visit)
                index.setdefault(local, []).append(visit)
            for day in _days_between(start, end):
                if (site, day) not in self._day_sources:
                    index.setdefault(day, [])
        self._range_days[site] = index
        return index


def _days_between(start: dt.date, end: dt.date) -> Iterable[dt.date]:
    day = start
    while day <= end:
        yield day
        day += dt.timedelta(days=1)


@dataclass(repr=False)
class Recording:
    """A loaded recording: calls indexed for replay plus the Live visit store."""

    directory: Path
    manifest: dict[str, Any]
    calls: list[RecordedCall]
    sites: dict[int, dict[str, Any]]
    live: LiveStore
    _index: dict[tuple[ParamsKey, str], RecordedCall] = field(default_factory=dict)
    _by_auth: dict[str, list[RecordedCall]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for call in self.calls:
            self._index.setdefault((params_key(call.params), call.auth), call)
            self._by_auth.setdefault(call.auth, []).append(call)

    def __repr__(self) -> str:
        where = str(self.directory)
        return f"Recording({where!r}, {len(self.calls)} calls, sites {sorted(self.sites)})"

    def lookup(self, params: Mapping[str, str], auth: str = "valid") -> RecordedCall | None:
        """The recorded call with exactly these params (ignoring token_auth) and auth."""
        return self._index.get((params_key(params), auth))

    def calls_with_auth(self, auth: str) -> list[RecordedCall]:
        return list(self._by_auth.get(auth, []))

    def unknown_site_template(self) -> tuple[str, str] | None:
        """(recorded body, the unknown idSite it names) of a recorded unknown-site error."""
        for call in self._by_auth.get("valid", []):
            site = call.params.get("idSite", "")
            if (
                call.is_error
                and site.isdigit()
                and int(site) not in self.sites
                and f"'{site}'" in call.body
            ):
                return call.body, site
        return None


def _load_manifest(directory: Path) -> dict[str, Any]:
    path = directory / MANIFEST_FILE
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as fh:
        loaded = json.load(fh)
    return loaded if isinstance(loaded, dict) else {}


def _sites(manifest: Mapping[str, Any], calls: list[RecordedCall]) -> dict[int, dict[str, Any]]:
    sites: dict[int, dict[str, Any]] = {}
    for site in manifest.get("sites") or []:
        try:
            sites[int(site["idsite"])] = dict(site)
        except (KeyError, TypeError, ValueError):
            continue
    if sites:
        return sites
    for call in calls:  # no manifest: every site a successful call was made for
        site = call.params.get("idSite", "")
        if call.auth == "valid" and not call.is_error and site.isdigit():
            sites.setdefault(int(site), {"idsite": int(site)})
    return sites


def load_recording(directory: str | Path) -> Recording:
    """Read `calls.jsonl.gz` (and `manifest.json` if present) from `directory`."""
    directory = Path(directory)
    path = directory / CALLS_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: is {directory} a Matomo API recording?")
    started = time.perf_counter()
    manifest = _load_manifest(directory)
    if manifest.get("lazy_live"):  # a synthetic scale recording: day lists stay on disk
        from .synthetic import is_lazy, load_lazy_recording

        if is_lazy(manifest):
            return load_lazy_recording(directory, manifest)
    groups: dict[int, str] = {}
    for entry in manifest.get("calls") or []:
        if isinstance(entry, dict) and "line" in entry:
            groups[int(entry["line"])] = str(entry.get("group") or "")
    calls: list[RecordedCall] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh):
            if not line.strip():
                continue
            raw = json.loads(line)
            params = {str(k): str(v) for k, v in (raw.get("params") or {}).items()}
            auth = str(raw.get("auth") or "valid")
            if auth not in AUTH_KINDS:
                raise ValueError(f"{path} line {line_no + 1}: unknown auth {auth!r}")
            calls.append(
                RecordedCall(
                    line=line_no,
                    method=str(raw.get("method") or params.get("method", "")),
                    params=params,
                    http_status=int(raw.get("http_status", 200)),
                    auth=auth,
                    body=str(raw.get("body", "")),
                    group=groups.get(line_no),
                )
            )
    sites = _sites(manifest, calls)
    timezones = {sid: str(s["timezone"]) for sid, s in sites.items() if s.get("timezone")}
    recording = Recording(
        directory=directory,
        manifest=manifest,
        calls=calls,
        sites=sites,
        live=LiveStore(calls, timezones),
    )
    log.debug(
        "loaded %d recorded calls from %s in %.2fs",
        len(calls),
        directory,
        time.perf_counter() - started,
    )
    return recording
