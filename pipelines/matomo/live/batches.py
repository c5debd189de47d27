"""Screened visits gathered into batches and typed as arrow tables, and the day audits
released once every visit of their day was typed (its quarantined values are then known)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..sites import Site
from . import arrow
from .audit import DayAudit, log_day
from .columns import Visit


class VisitBatches:
    """Screened visits of one site typed in batches of about `size` visits: dlt's per-item
    cost of an arrow table (schema merge) is paid per batch, not per page, and small days are
    batched together. Yields `{"kind": "tables"}` envelopes (the `visits`, `visit_actions`
    and `ecommerce_items` tables of a batch), then, per day read whole and typed,
    `{"kind": "audit"}` and `{"kind": "quarantine"}` envelopes."""

    def __init__(self, size: int, seen: set[tuple[int, int]] | None = None) -> None:
        self.size = size
        self.seen = seen  # an appending load: (site, visit) already in it
        self.site: Any = None
        self.visits: list[Visit] = []
        self.audits: list[DayAudit] = []  # per visit: the day it was read for
        self.done: list[DayAudit] = []  # days read whole, waiting for their last batch

    def start_site(self, site: Site) -> Iterator[dict[str, Any]]:
        """Before a day of `site`: a batch of another site is handed on first."""
        if site is not self.site:
            yield from self.flush()
        self.site = site

    def add(self, visits: list[Visit], audit: DayAudit) -> Iterator[dict[str, Any]]:
        if self.seen is not None:
            visits = self._first_listing(visits, audit)
        self.visits.extend(visits)
        self.audits.extend([audit] * len(visits))
        if len(self.visits) >= self.size:
            yield from self.flush()

    def _first_listing(self, visits: list[Visit], audit: DayAudit) -> list[Visit]:
        """An appending load reads only final days, whose visits are closed and listed under
        one day; should Matomo list one under two days anyway, it is loaded once (the first
        listing) and the repeat counted as a duplicate, as within a day."""
        assert self.seen is not None
        kept = []
        for visit in visits:
            key = (audit.id_site, int(visit["idVisit"]))
            if key in self.seen:
                audit.duplicate_visits += 1
                audit.visits -= 1
                audit.actions -= len(visit.get("actionDetails") or ())
                continue
            self.seen.add(key)
            kept.append(visit)
        return kept

    def day_done(self, audit: DayAudit) -> None:
        """`audit`'s day was read whole: released with the batch of its last visits."""
        self.done.append(audit)

    def flush(self) -> Iterator[dict[str, Any]]:
        if self.visits:
            yield {"kind": "tables", "tables": self._type()}
            self.visits, self.audits = [], []
        for audit in self.done:
            log_day(self.site, audit)
            row = audit.row()
            yield {"kind": "audit", "row": row}
            if audit.quarantine:
                yield {"kind": "quarantine", "rows": audit.quarantine_rows(row["loaded_at"])}
        self.done = []

    def _type(self) -> dict[str, Any]:
        """The batch's tables; values that could not be typed go to their day's audit."""
        bad: list[dict[str, Any]] = []
        tables = {
            "visits": arrow.visits_table(self.visits, self.site.timezone, bad),
            "visit_actions": arrow.actions_table(self.visits, bad),
            "ecommerce_items": arrow.items_table(self.visits, bad),
        }
        if bad:
            pairs = zip(self.visits, self.audits, strict=True)
            by_id = {int(v["idVisit"]): audit for v, audit in pairs}
            for row in bad:
                by_id[row["id_visit"]].quarantine.append(row)
        return tables
