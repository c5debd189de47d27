"""The pieces of a Matomo API recording: recorded calls, Live visits and their JSON text.

`recording.py` loads a recording directory into these; `live_store.py` and
`synthetic_reader.py` index its `Live.getLastVisitsDetails` day lists.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

CALLS_FILE = "calls.jsonl.gz"
MANIFEST_FILE = "manifest.json"
LIVE_METHOD = "Live.getLastVisitsDetails"
# `auth` labels with a meaning of their own: a wrong token and no token at all. Every other
# label names a token (`valid` in older recordings; `analyst`, `revoked`, ... in newer ones).
REFUSED_AUTH = ("invalid", "none")
AUTH_LABEL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")

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
    scenario: str | None = None  # the server state the call was made in (None: ordinary)

    @property
    def is_error(self) -> bool:
        return self.http_status != 200 or self.body.startswith('{"result":"error"')


def recorded_call(raw: Mapping[str, Any], line: int, group: str | None) -> RecordedCall:
    """A `RecordedCall` from one decoded line of `calls.jsonl.gz`."""
    params = {str(k): str(v) for k, v in (raw.get("params") or {}).items()}
    return RecordedCall(
        line=line,
        method=str(raw.get("method") or params.get("method", "")),
        params=params,
        http_status=int(raw.get("http_status", 200)),
        auth=str(raw.get("auth") or "valid"),
        body=str(raw.get("body", "")),
        group=group,
        scenario=str(raw["scenario"]) if raw.get("scenario") else None,
    )


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


def visits_from_body(body: str) -> list[Visit]:
    """The visits of a recorded Live JSON list; a visit without an integer `idVisit` or
    `lastActionTimestamp` (a mutated copy's bad row) is served, sorted as 0."""
    return [
        Visit(_int_or_0(data.get("idVisit")), _int_or_0(data.get("lastActionTimestamp")), data, t)
        for data, t in split_json_array(body)
        if isinstance(data, dict)
    ]


def _int_or_0(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0
