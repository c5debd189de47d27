"""Content digests of loaded report days, so a re-pulled day that did not change is not
re-written: no rows, no `report_loads` row, no new load id for the marts to rebuild from.

State (dlt source state, committed with the data): `report_digests.<idSite>.<report key>.
<period>.<date>` = a digest of Matomo's answer for that day. Only the days of the last
window of each (report, period) are kept: older days are not re-pulled (but by
`--start-date`, which then re-writes them once).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

STATE_KEY = "report_digests"
DIGEST_CHARS = 16


def digest(answer: Any) -> str:
    """A digest of Matomo's answer for one report day (its JSON, keys sorted)."""
    text = json.dumps(answer, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:DIGEST_CHARS]


class SiteDigests:
    """The stored digests of one site and the ones seen by this run."""

    def __init__(self, stored: dict[str, Any]) -> None:
        self.stored = stored
        self.seen: dict[str, dict[str, dict[str, str]]] = {}
        self.unchanged = 0

    def is_unchanged(self, report_key: str, period: str, date: Any, value: str) -> bool:
        """Record `value` for this report day; True when it equals the stored one."""
        day = str(date)
        self.seen.setdefault(report_key, {}).setdefault(period, {})[day] = value
        same = self.stored.get(report_key, {}).get(period, {}).get(day) == value
        self.unchanged += same
        return same

    def save(self, planned: Iterable[tuple[str, str]], failed: set[tuple[str, str]]) -> None:
        """Keep the digests of this run's windows (and the old ones of failed windows)."""
        for report_key, period in planned:
            days = self.seen.get(report_key, {}).get(period, {})
            periods = self.stored.setdefault(report_key, {})
            if (report_key, period) in failed:
                periods[period] = {**periods.get(period, {}), **days}
            else:
                periods[period] = days
