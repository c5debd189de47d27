"""Serving synthetic scale recordings (made by `python -m bench.synthetic`) without loading them.

A synthetic recording writes each call as its own gzip member and its manifest says
`"lazy_live": true` with each member's byte offset. `load_recording` then reads only the small
calls (`read_small_calls`) and leaves the Live day lists on disk: `LazyLiveStore` decodes a day
when it is asked for and keeps only a few days in memory, so serving never holds more than
about one day of visits.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zlib
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .live_store import LiveStore
from .recorded import LiveDay, RecordedCall, Visit, recorded_call, visits_from_body

LIVE_GROUP = "live"
"""The manifest group of the full-day Live lists that stay on disk."""

_ID_RE = re.compile(r'"idVisit":(\d+)')
_TS_RE = re.compile(r'"lastActionTimestamp":(\d+)')
_SPLIT = ',{"idSite":'


def is_lazy(manifest: Mapping[str, Any]) -> bool:
    return bool(manifest.get("lazy_live")) and all(
        "gzip_offset" in e for e in manifest.get("calls") or []
    )


def read_member(path: Path, offset: int, length: int) -> dict[str, Any]:
    """The recorded call in the gzip member at `offset` of `path`."""
    with path.open("rb") as fh:
        fh.seek(offset)
        data = fh.read(length)
    loaded = json.loads(zlib.decompress(data, 31))
    if not isinstance(loaded, dict):
        raise ValueError(f"{path} @{offset}: not a recorded call")
    return loaded


def read_small_calls(path: Path, manifest: Mapping[str, Any]) -> list[RecordedCall]:
    """Every call of a lazy recording except its Live day lists."""
    calls = []
    for entry in manifest.get("calls") or []:
        if entry.get("group") == LIVE_GROUP:
            continue
        raw = read_member(path, int(entry["gzip_offset"]), int(entry["gzip_length"]))
        calls.append(recorded_call(raw, int(entry["line"]), str(entry.get("group") or "")))
    return calls


def split_visits(body: str) -> list[Visit]:
    """The visits of a synthetic day list, cut at the top-level `{"idSite":` that starts each
    visit (only the sort keys are decoded; `data` holds idSite, idVisit and
    lastActionTimestamp). Falls back to a full parse for any other text."""
    inner = body.strip()
    if inner == "[]":
        return []
    if not inner.startswith('[{"idSite":') or not inner.endswith("}]"):
        return visits_from_body(body)
    chunks = inner[1:-1].split(_SPLIT)
    visits = []
    for i, chunk in enumerate(chunks):
        text = chunk if i == 0 else '{"idSite":' + chunk
        id_match, ts_match = _ID_RE.search(text), _TS_RE.search(text)
        if id_match is None or ts_match is None:
            return visits_from_body(body)
        site = text[len('{"idSite":') : text.index(",")]
        id_visit, ts = int(id_match.group(1)), int(ts_match.group(1))
        data = {"idSite": int(site), "idVisit": id_visit, "lastActionTimestamp": ts}
        visits.append(Visit(id_visit, ts, data, text))
    return visits


class LazyLiveStore(LiveStore):
    """Day lists read from their gzip member on demand; the last `keep_days` decoded days are
    kept (a paging client asks for the same day repeatedly, then moves on)."""

    def __init__(
        self,
        path: Path,
        entries: list[dict[str, Any]],
        timezones: Mapping[int, str],
        keep_days: int = 8,
    ) -> None:
        super().__init__((), timezones)
        self._path = path
        self._members: dict[tuple[int, dt.date], tuple[int, int]] = {}
        for entry in entries:
            params = entry.get("params") or {}
            if entry.get("group") != LIVE_GROUP or params.get("period") != "day":
                continue
            key = (int(params["idSite"]), dt.date.fromisoformat(params["date"]))
            self._members.setdefault(key, (int(entry["gzip_offset"]), int(entry["gzip_length"])))
        self._cache: OrderedDict[tuple[int, dt.date], LiveDay] = OrderedDict()
        self._keep = max(1, keep_days)

    def recorded_days(self, site: int) -> set[dt.date]:
        return {d for s, d in self._members if s == site}

    def day(self, site: int, day: dt.date) -> LiveDay | None:
        key = (site, day)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                return found
            member = self._members.get(key)
            if member is None:
                return None
            call = read_member(self._path, *member)
            found = LiveDay(split_visits(str(call.get("body", "[]"))))
            self._cache[key] = found
            while len(self._cache) > self._keep:
                self._cache.popitem(last=False)
            return found
