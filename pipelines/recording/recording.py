"""Load a Matomo API recording (`calls.jsonl.gz` + `manifest.json`) and index its calls.

A recording directory holds:

- `calls.jsonl.gz`: one JSON object per line with `method`, `params` (every request
  parameter except `token_auth`, values as strings), `http_status`, `auth`
  (`valid`, `invalid` or `none`) and `body` (the exact response text);
- `manifest.json` (optional here): sites with their timezones, goals, periods and an index
  of the calls with their `group`.

Calls are indexed by (params without `token_auth`, auth); `params` include `method`.
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
    AUTH_KINDS,
    CALLS_FILE,
    LIVE_METHOD,
    MANIFEST_FILE,
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
            if call.auth not in AUTH_KINDS:
                raise ValueError(f"{path} line {line_no + 1}: unknown auth {call.auth!r}")
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
        live = LiveStore(calls, timezones)
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
