"""Load a Matomo API recording (`calls.jsonl.gz` + `manifest.json`) and index its calls.

A recording directory holds:

- `calls.jsonl.gz`: one JSON object per line with `method`, `params` (every request
  parameter except `token_auth`, values as strings), `http_status`, `auth` (which token:
  `invalid` = a wrong one, `none` = none, any other label names a token, e.g. `valid` or
  `analyst`), `body` (the exact response text) and, on calls made while the server was in
  another state, `scenario` (e.g. `events-plugin-deactivated`);
- `manifest.json` (optional here): sites with their timezones, goals, periods and an index
  of the calls with their `group`.

Calls are indexed by (params without `token_auth`, auth, scenario); `params` include
`method`. The primary token label is `valid` when present, else the most used token label.
The full-day `Live.getLastVisitsDetails` lists are located at load time and decoded lazily,
once per (site, local day), by `LiveStore` (`live_store.py`); a synthetic scale recording
keeps them on disk (`synthetic_reader.py`).
"""

from __future__ import annotations

import gzip
import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .live_store import LiveStore
from .recorded import (
    AUTH_LABEL_RE,
    CALLS_FILE,
    LIVE_METHOD,
    MANIFEST_FILE,
    REFUSED_AUTH,
    LiveDay,
    ParamsKey,
    RecordedCall,
    Visit,
    compact_json,
    params_key,
    recorded_call,
    split_json_array,
)
from .synthetic_reader import LazyLiveStore, is_lazy, read_small_calls

log = logging.getLogger(__name__)

__all__ = [
    "CALLS_FILE",
    "LIVE_METHOD",
    "MANIFEST_FILE",
    "LiveDay",
    "LiveStore",
    "RecordedCall",
    "Recording",
    "Visit",
    "compact_json",
    "load_recording",
    "params_key",
    "split_json_array",
]


@dataclass(repr=False)
class Recording:
    """A loaded recording: calls indexed for replay plus the Live visit store."""

    directory: Path
    manifest: dict[str, Any]
    calls: list[RecordedCall]
    sites: dict[int, dict[str, Any]]
    live: LiveStore
    _index: dict[tuple[ParamsKey, str, str | None], RecordedCall] = field(default_factory=dict)
    _by_auth: dict[tuple[str, str | None], list[RecordedCall]] = field(default_factory=dict)
    _primary: str = "valid"

    def __post_init__(self) -> None:
        self._primary = primary_auth(self.calls)
        for call in self.calls:
            self._index.setdefault((params_key(call.params), call.auth, call.scenario), call)
            self._by_auth.setdefault((call.auth, call.scenario), []).append(call)

    def __repr__(self) -> str:
        where = str(self.directory)
        return f"Recording({where!r}, {len(self.calls)} calls, sites {sorted(self.sites)})"

    @property
    def primary_auth(self) -> str:
        """The label of the token the recording was mostly made with (`valid`, `analyst`)."""
        return self._primary

    @property
    def token_labels(self) -> list[str]:
        """Every label of a token in the recording (not `invalid` / `none`), primary first."""
        labels = {c.auth for c in self.calls if c.auth not in REFUSED_AUTH}
        return sorted(labels, key=lambda label: (label != self.primary_auth, label))

    @property
    def scenarios(self) -> list[str]:
        return sorted({c.scenario for c in self.calls if c.scenario})

    def lookup(
        self, params: Mapping[str, str], auth: str | None = None, scenario: str | None = None
    ) -> RecordedCall | None:
        """The recorded call with exactly these params (ignoring token_auth) and auth (default:
        the primary token), made in `scenario` or else in the ordinary state."""
        key, auth = params_key(params), auth or self.primary_auth
        found = self._index.get((key, auth, scenario)) if scenario else None
        return found or self._index.get((key, auth, None))

    def calls_with_auth(self, auth: str, scenario: str | None = None) -> list[RecordedCall]:
        """Calls made with `auth` in `scenario`, then those made in the ordinary state."""
        extra = self._by_auth.get((auth, scenario), []) if scenario else []
        return [*extra, *self._by_auth.get((auth, None), [])]

    def scenario_calls(self, scenario: str) -> list[RecordedCall]:
        return [c for c in self.calls if c.scenario == scenario]

    def unknown_site_template(self) -> tuple[str, str] | None:
        """(recorded body, the unknown idSite it names) of a recorded unknown-site error."""
        for call in self._by_auth.get((self.primary_auth, None), []):
            site = call.params.get("idSite", "")
            if (
                call.is_error
                and site.isdigit()
                and int(site) not in self.sites
                and f"'{site}'" in call.body
            ):
                return call.body, site
        return None

    def live_error(self, site: int) -> str | None:
        """The recorded Live error body of a site whose visitor log is off: every recorded
        single-site Live.getLastVisitsDetails call of the site (primary token, ordinary
        state) answered the same error. None when Live answered it at least once, or for a
        site the recording does not have."""
        if site not in self.sites:
            return None
        bodies = {
            c.body
            for c in self._by_auth.get((self.primary_auth, None), [])
            if c.method == LIVE_METHOD and c.params.get("idSite") == str(site)
        }
        if len(bodies) == 1 and next(iter(bodies)).startswith('{"result":"error"'):
            return next(iter(bodies))
        return None


def primary_auth(calls: list[RecordedCall]) -> str:
    """`valid` when a call has it (older recordings), else the most used token label."""
    counts: dict[str, int] = {}
    for call in calls:
        if call.auth not in REFUSED_AUTH:
            counts[call.auth] = counts.get(call.auth, 0) + 1
    if not counts or "valid" in counts:
        return "valid"
    return max(sorted(counts), key=lambda label: counts[label])


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
    primary = primary_auth(calls)
    for call in calls:  # no manifest: every site a successful call was made for
        site = call.params.get("idSite", "")
        if call.auth == primary and not call.is_error and site.isdigit():
            sites.setdefault(int(site), {"idsite": int(site)})
    return sites


def _read_calls(path: Path, manifest: Mapping[str, Any]) -> list[RecordedCall]:
    """Every call of `calls.jsonl.gz`, with its manifest group."""
    groups: dict[int, str] = {}
    for entry in manifest.get("calls") or []:
        if isinstance(entry, dict) and "line" in entry:
            groups[int(entry["line"])] = str(entry.get("group") or "")
    calls: list[RecordedCall] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh):
            if not line.strip():
                continue
            call = recorded_call(json.loads(line), line_no, groups.get(line_no))
            if not AUTH_LABEL_RE.match(call.auth):
                raise ValueError(f"{path} line {line_no + 1}: bad auth label {call.auth!r}")
            calls.append(call)
    return calls


def load_recording(directory: str | Path) -> Recording:
    """Read `calls.jsonl.gz` (and `manifest.json` if present) from `directory`."""
    directory = Path(directory)
    path = directory / CALLS_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: is {directory} a Matomo API recording?")
    started = time.perf_counter()
    manifest = _load_manifest(directory)
    lazy = is_lazy(manifest)  # a synthetic scale recording: day lists stay on disk
    calls = read_small_calls(path, manifest) if lazy else _read_calls(path, manifest)
    sites = _sites(manifest, calls)
    timezones = {sid: str(s["timezone"]) for sid, s in sites.items() if s.get("timezone")}
    if lazy:
        live: LiveStore = LazyLiveStore(path, manifest.get("calls") or [], timezones)
    else:
        live = LiveStore(calls, timezones, primary_auth(calls))
    recording = Recording(
        directory=directory, manifest=manifest, calls=calls, sites=sites, live=live
    )
    log.debug(
        "loaded %d recorded calls from %s in %.2fs",
        len(calls),
        directory,
        time.perf_counter() - started,
    )
    return recording
