"""What a synthetic recording holds: its sites, visits per site and day, and each day's clones."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from pipelines.recording.recording import Recording

from .templates import DAY_SECONDS, Clone, VisitTemplate, compile_template


@dataclass(frozen=True)
class SiteSpec:
    """A synthetic site and the recorded site it is cloned from."""

    id: int
    template: int
    row: dict[str, Any]
    goals: list[dict[str, Any]]

    @property
    def timezone(self) -> str:
        return str(self.row["timezone"])


def api_params(method: str, **extra: Any) -> dict[str, str]:
    """The recorded params of an API call: sorted, values as strings."""
    params = {"format": "json", "method": method, "module": "API"}
    params.update({k: str(v) for k, v in extra.items()})
    return dict(sorted(params.items()))


def day_counts(visits: int, sites: int, days: list[dt.date], seed: int) -> list[list[int]]:
    """Visits per site and day: exactly `visits` in all, weekends quieter, sites uneven."""
    rng = random.Random(seed)
    weights = []
    for s in range(sites):
        site_weight = 1.0 / (1 + 0.3 * s)
        weights.append(
            [
                site_weight * (0.7 if d.weekday() >= 5 else 1.0) * rng.uniform(0.85, 1.15)
                for d in days
            ]
        )
    total = sum(sum(w) for w in weights)
    counts = [[int(visits * w / total) for w in row] for row in weights]
    missing = visits - sum(sum(row) for row in counts)
    cells = [(s, i) for s in range(sites) for i in range(len(days))]
    for k in range(missing):
        s, i = cells[k % len(cells)]
        counts[s][i] += 1
    return counts


@dataclass
class _RecordedSite:
    row: dict[str, Any]
    goals: list[dict[str, Any]]
    pool: list[VisitTemplate]


def _recorded_site(recording: Recording, site_id: int) -> _RecordedSite | None:
    """A recorded site's row, goals and compiled visits (None without a row or Live days)."""
    site_call = recording.lookup(api_params("SitesManager.getSiteFromId", idSite=site_id))
    goal_call = recording.lookup(api_params("Goals.getGoals", idSite=site_id))
    days = sorted(recording.live.recorded_days(site_id))
    if site_call is None or not days:
        return None
    row = json.loads(site_call.body)
    goal_rows = json.loads(goal_call.body) if goal_call is not None else []
    goals = list(goal_rows.values()) if isinstance(goal_rows, dict) else goal_rows
    pool = []
    for day in days:
        live_day = recording.live.day(site_id, day)
        for visit in live_day.asc if live_day else []:
            pool.append(compile_template(visit.data, str(row["timezone"])))
    return _RecordedSite(row=row, goals=goals, pool=pool)


def site_templates(
    recording: Recording, sites: int
) -> tuple[list[SiteSpec], dict[int, list[VisitTemplate]]]:
    """Synthetic sites cycling over the recorded ones, and each recorded site's visits."""
    recorded = {}
    for site_id in sorted(recording.sites):
        found = _recorded_site(recording, site_id)
        if found is not None:
            recorded[site_id] = found
    pools = {site_id: r.pool for site_id, r in recorded.items() if r.pool}
    if not pools:
        raise ValueError(f"{recording.directory} has no Live day lists to clone")
    templates = sorted(pools)
    specs = []
    for i in range(sites):
        template = templates[i % len(templates)]
        row = dict(recorded[template].row)
        row["idsite"] = i + 1
        if i >= len(templates):
            row["name"] = f"{row.get('name')} {i + 1}"
        site_goals = [{**g, "idsite": i + 1} for g in recorded[template].goals]
        specs.append(SiteSpec(id=i + 1, template=template, row=row, goals=site_goals))
    return specs, pools


class DayRenderer:
    """Renders the visits of each (site, day) with ids unique across the whole recording."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.next_id = 1
        self.rounds: dict[int, int] = {}

    def _choose(
        self, spec: SiteSpec, pool: list[VisitTemplate], day: dt.date, count: int
    ) -> list[tuple[int, int, int]]:
        """(shifted last ts, template index, days) of `count` visits on local `day`."""
        zone = ZoneInfo(spec.timezone)
        chosen: list[tuple[int, int, int]] = []
        attempts = 0
        while len(chosen) < count:
            index = self.rng.randrange(len(pool))
            template = pool[index]
            shift = (day - template.local_day).days
            ts = template.last_action_ts + shift * DAY_SECONDS
            attempts += 1
            # A whole-day shift across a DST change moves the local clock by an hour; a visit
            # near midnight may then land on another local day: pick another one.
            if dt.datetime.fromtimestamp(ts, zone).date() != day and attempts < 100 * (count + 1):
                continue
            chosen.append((ts, index, shift))
        chosen.sort()
        return chosen

    def day(
        self, spec: SiteSpec, pool: list[VisitTemplate], day: dt.date, count: int
    ) -> tuple[list[str], int]:
        """`count` visits on local `day`, sorted by (lastActionTimestamp, idVisit), rendered;
        and their number of actions."""
        texts = []
        actions = 0
        for _, index, shift in self._choose(spec, pool, day, count):
            template = pool[index]
            round_ = self.rounds.get(id(template), 0)
            self.rounds[id(template)] = round_ + 1
            text = template.render(Clone(id_visit=self.next_id, days=shift, round=round_))
            texts.append(text.replace('"idSite":' + str(template.site), f'"idSite":{spec.id}', 1))
            actions += template.actions
            self.next_id += 1
        return texts, actions
