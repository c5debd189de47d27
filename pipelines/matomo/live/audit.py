"""What one day's extraction saw (`load_audit` rows): duplicates, other-day and truncated
visits, quarantined values (`quarantine` rows), logged per day."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

import pendulum

from pipelines.dates import local_date

from ..sites import Site
from .columns import Visit
from .quarantine import check_visit, latest_epoch

log = logging.getLogger(__name__)


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
    quarantine: list[dict[str, Any]] = field(default_factory=list, repr=False)

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
            "quarantined_values": len(self.quarantine),
            "loaded_at": pendulum.now("UTC"),
        }

    @property
    def anomalies(self) -> bool:
        return bool(self.duplicate_visits or self.other_day_visits or self.truncated_visits)

    def quarantine_rows(self, loaded_at: Any) -> list[dict[str, Any]]:
        """The day's `quarantine` rows keyed by (site, day, `loaded_at` of the audit row,
        `seq`), then what `quarantine` found."""
        base = {"id_site": self.id_site, "visit_date": self.visit_date, "loaded_at": loaded_at}
        keys = dict.fromkeys(("id_visit", "position", "item_position"))
        return [{**base, "seq": n, **keys, **row} for n, row in enumerate(self.quarantine)]


def screen_page(
    page: list[Visit], audit: DayAudit, timezone: str, now: dt.datetime | None = None
) -> list[Visit]:
    """Drop visits already seen this day (offset paging of a live day can repeat one) and
    visits that cannot be keyed or placed in time (quarantined, see `quarantine`), count
    visits of another local day and visits whose actions Matomo truncated."""
    audit.pages += 1
    latest = latest_epoch(now)
    kept = []
    for visit in page:
        dropped = check_visit(visit, latest)
        if dropped:
            audit.quarantine.append(dropped)
            continue
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
        site.id,
        audit.visit_date,
        audit.visits,
        audit.actions,
        "" if audit.is_final else " (not final yet)",
    )
    if audit.anomalies:
        log.warning(
            "site %s %s: %d duplicate visit(s) dropped, %d visit(s) of another day, "
            "%d visit(s) with truncated actions (see matomo_raw.load_audit)",
            site.id,
            audit.visit_date,
            audit.duplicate_visits,
            audit.other_day_visits,
            audit.truncated_visits,
        )
    if audit.quarantine:
        first = audit.quarantine[0]
        log.warning(
            "site %s %s: %d value(s) quarantined, e.g. %s.%s %r: %s (see matomo_raw.quarantine)",
            site.id,
            audit.visit_date,
            len(audit.quarantine),
            first["table_name"],
            first["field"],
            first["raw_value"],
            first["reason"],
        )


def visit_local_date(visit: Visit, timezone: str) -> dt.date:
    """The site-local date of the visit's last action: the day Matomo counts the visit on."""
    return local_date(visit["lastActionTimestamp"], timezone)
