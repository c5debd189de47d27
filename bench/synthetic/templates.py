"""Recorded visits compiled to text templates: a clone is rendered without any JSON work.

Each field a clone changes (`idVisit`, the timestamps and date strings shifted by whole days,
`visitorId` per clone round, order ids) becomes a slot; the rest of the visit stays the exact
text Matomo would send.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from pipelines.recording.recorded import compact_json

DAY_SECONDS = 86400
_SENTINEL = re.compile(r'"\\u0001(\d+)\\u0001"')


@lru_cache(maxsize=4096)
def _shift_iso_date(text: str, days: int) -> str:
    """`2026-10-05` or `2026-10-05 12:29:22` shifted by whole days."""
    day = dt.date.fromisoformat(text[:10]) + dt.timedelta(days=days)
    return day.isoformat() + text[10:]


@lru_cache(maxsize=4096)
def _shift_long_date(text: str, days: int) -> str:
    """`Monday, October 5, 2026` shifted by whole days."""
    day = dt.datetime.strptime(text, "%A, %B %d, %Y").date() + dt.timedelta(days=days)
    return (
        f"{calendar.day_name[day.weekday()]}, {calendar.month_name[day.month]} {day.day}, "
        f"{day.year}"
    )


@lru_cache(maxsize=4096)
def _shift_short_datetime(text: str, days: int) -> str:
    """`Oct 5, 2026 08:24:21` shifted by whole days."""
    date_part, _, clock = text.rpartition(" ")
    day = dt.datetime.strptime(date_part, "%b %d, %Y").date() + dt.timedelta(days=days)
    return f"{calendar.month_abbr[day.month]} {day.day}, {day.year} {clock}"


@dataclass(frozen=True)
class Clone:
    """What makes one rendered visit different from its template."""

    id_visit: int
    days: int  # whole-day shift
    round: int  # how many times the template was used before (0 = first clone)


Slot = Callable[[Clone], str]


@dataclass
class VisitTemplate:
    """A recorded visit compiled to text parts with slots for the fields a clone changes."""

    site: int
    local_day: dt.date
    last_action_ts: int
    actions: int
    parts: list[str] = field(repr=False)
    slots: list[Slot] = field(repr=False)

    def render(self, clone: Clone) -> str:
        out = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:], strict=True):
            out.append(slot(clone))
            out.append(part)
        return "".join(out)


def _int_slot(original: int) -> Slot:
    return lambda c: str(original + c.days * DAY_SECONDS)


def _str_slot(fn: Callable[[Clone], str]) -> Slot:
    return lambda c: json.dumps(fn(c)).replace("/", "\\/")


def _visitor_slot(original: str) -> Slot:
    base = int(original, 16) if re.fullmatch(r"[0-9a-fA-F]{16}", original or "") else 0

    def render(c: Clone) -> str:
        if c.round == 0 or not base:
            return original
        return f"{(base ^ (c.round * 0x9E3779B97F4A7C15)) & 0xFFFFFFFFFFFFFFFF:016x}"

    return _str_slot(render)


def _order_slot(text: str, order_id: str) -> Slot:
    return _str_slot(lambda c: text.replace(order_id, f"{order_id}-{c.id_visit}"))


class _Marker:
    """Replaces fields by numbered sentinels and remembers the slot of each."""

    def __init__(self) -> None:
        self.slots: list[Slot] = []

    def mark(self, container: dict[str, Any], key: str, slot: Slot) -> None:
        container[key] = f"\x01{len(self.slots)}\x01"
        self.slots.append(slot)

    def visit(self, data: dict[str, Any]) -> None:
        self.mark(data, "idVisit", lambda c: str(c.id_visit))
        for key in ("lastActionTimestamp", "firstActionTimestamp", "serverTimestamp"):
            if isinstance(data.get(key), int):
                self.mark(data, key, _int_slot(data[key]))
        for key in ("serverDate", "lastActionDateTime"):
            if isinstance(data.get(key), str) and data[key]:
                self.mark(data, key, _str_slot(lambda c, v=data[key]: _shift_iso_date(v, c.days)))
        for key in ("serverDatePretty", "serverDatePrettyFirstAction"):
            if isinstance(data.get(key), str) and data[key]:
                self.mark(data, key, _str_slot(lambda c, v=data[key]: _shift_long_date(v, c.days)))
        if isinstance(data.get("visitorId"), str):
            self.mark(data, "visitorId", _visitor_slot(data["visitorId"]))
        for action in data.get("actionDetails") or []:
            self.action(action)

    def action(self, action: dict[str, Any]) -> None:
        if isinstance(action.get("timestamp"), int):
            self.mark(action, "timestamp", _int_slot(action["timestamp"]))
        if isinstance(action.get("serverTimePretty"), str) and action["serverTimePretty"]:
            value = action["serverTimePretty"]
            self.mark(
                action,
                "serverTimePretty",
                _str_slot(lambda c, v=value: _shift_short_datetime(v, c.days)),
            )
        order_id = action.get("orderId")
        if isinstance(order_id, str) and order_id:
            for key in ("orderId", "title", "subtitle"):
                if isinstance(action.get(key), str) and order_id in action[key]:
                    self.mark(action, key, _order_slot(action[key], order_id))

    def split(self, text: str) -> tuple[list[str], list[Slot]]:
        """The text between the sentinels, and the slots in the order they appear."""
        parts: list[str] = []
        ordered: list[Slot] = []
        last = 0
        for match in _SENTINEL.finditer(text):
            parts.append(text[last : match.start()])
            ordered.append(self.slots[int(match.group(1))])
            last = match.end()
        parts.append(text[last:])
        return parts, ordered


def compile_template(visit: dict[str, Any], timezone: str) -> VisitTemplate:
    """Put sentinels where a clone differs, serialize like Matomo, split at the sentinels."""
    data = json.loads(json.dumps(visit))
    last_ts = int(data["lastActionTimestamp"])
    marker = _Marker()
    marker.visit(data)
    parts, slots = marker.split(compact_json(data))
    local_day = dt.datetime.fromtimestamp(last_ts, ZoneInfo(timezone)).date()
    return VisitTemplate(
        site=int(data["idSite"]),
        local_day=local_day,
        last_action_ts=last_ts,
        actions=len(visit.get("actionDetails") or ()),
        parts=parts,
        slots=slots,
    )
