"""`generate`: write a synthetic recording directory (see the package docstring)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines.recording import bundled_recording_dir
from pipelines.recording.recorded import CALLS_FILE, LIVE_METHOD, MANIFEST_FILE, compact_json
from pipelines.recording.recording import load_recording
from pipelines.recording.synthetic_reader import LIVE_GROUP

from .plan import DayRenderer, SiteSpec, api_params, day_counts, site_templates
from .templates import VisitTemplate
from .writer import CallWriter

log = logging.getLogger(__name__)

FORMAT = "matomo-api-recording/1"
DEFAULT_END = dt.date(2026, 10, 31)  # America/New_York is on EDT for the 230 days before


@dataclass
class Summary:
    """What `generate` wrote, and how long it took."""

    directory: Path
    visits: int = 0
    actions: int = 0
    days: int = 0
    sites: int = 0
    calls: int = 0
    body_bytes: int = 0
    gz_bytes: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        return (
            f"{self.directory}: {self.visits} visits, {self.actions} actions, {self.calls} calls, "
            f"{self.gz_bytes / 1e6:.1f} MB gzip ({self.body_bytes / 1e6:.0f} MB JSON) "
            f"in {self.seconds:.1f}s"
        )


def generate(
    out: str | Path,
    *,
    visits: int,
    sites: int = 2,
    days: int = 30,
    end: dt.date = DEFAULT_END,
    source: str | Path | None = None,
    seed: int = 1,
    level: int = 1,
) -> Summary:
    """Write a synthetic recording of `visits` visits over `sites` sites and `days` local days
    ending on `end` into `out` (created; existing recording files are replaced)."""
    if visits < 0 or sites < 1 or days < 1:
        raise ValueError("visits >= 0, sites >= 1 and days >= 1 are required")
    started = time.perf_counter()
    source_dir = Path(source or bundled_recording_dir())
    specs, pools = site_templates(load_recording(source_dir), sites)
    directory = Path(out)
    directory.mkdir(parents=True, exist_ok=True)
    day_list = [end - dt.timedelta(days=days - 1 - i) for i in range(days)]
    counts = day_counts(visits, sites, day_list, seed)
    summary = Summary(directory=directory, days=days, sites=sites)
    calls = CallWriter(directory / CALLS_FILE, level)
    try:
        _emit_meta(calls, specs)
        _emit_live(calls, summary, specs, pools, day_list, counts, seed)
    finally:
        summary.gz_bytes = calls.close()
    summary.calls = len(calls.entries)
    summary.body_bytes = calls.body_bytes
    manifest = _manifest(summary, specs, calls.entries, day_list, source_dir, seed)
    (directory / MANIFEST_FILE).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    summary.seconds = time.perf_counter() - started
    log.info("synthetic recording %s", summary)
    return summary


def _emit_meta(calls: CallWriter, specs: list[SiteSpec]) -> None:
    """The metadata calls: version, the site list, and each site's row and goals."""
    calls.emit(api_params("API.getMatomoVersion"), compact_json({"value": "5.0.2"}), "meta")
    calls.emit(
        api_params("SitesManager.getSitesWithAtLeastViewAccess"),
        compact_json([s.row for s in specs]),
        "meta",
    )
    for spec in specs:
        calls.emit(
            api_params("SitesManager.getSiteFromId", idSite=spec.id),
            compact_json(spec.row),
            "meta",
        )
        calls.emit(api_params("Goals.getGoals", idSite=spec.id), compact_json(spec.goals), "meta")


def _emit_live(
    calls: CallWriter,
    summary: Summary,
    specs: list[SiteSpec],
    pools: dict[int, list[VisitTemplate]],
    day_list: list[dt.date],
    counts: list[list[int]],
    seed: int,
) -> None:
    """One full-day Live list per site and local day."""
    renderer = DayRenderer(seed)
    for spec, site_counts in zip(specs, counts, strict=True):
        pool = pools[spec.template]
        for day, count in zip(day_list, site_counts, strict=True):
            texts, actions = renderer.day(spec, pool, day, count)
            params = api_params(
                LIVE_METHOD,
                idSite=spec.id,
                period="day",
                date=day.isoformat(),
                filter_limit=-1,
                filter_sort_order="asc",
            )
            body = "[" + ",".join(texts) + "]"
            calls.emit(params, body, LIVE_GROUP, visits=len(texts), actions=actions)
            summary.visits += len(texts)
            summary.actions += actions


def _manifest(
    summary: Summary,
    specs: list[SiteSpec],
    entries: list[dict[str, Any]],
    day_list: list[dt.date],
    source: Path,
    seed: int,
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "matomo_version": "5.0.2",
        "recorded_at_utc": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "synthetic": {
            "note": "real recorded visits cloned with new idVisit and whole-day time shifts",
            "source": str(source),
            "visits": summary.visits,
            "sites": summary.sites,
            "days": summary.days,
            "seed": seed,
        },
        "lazy_live": True,
        "date_range": {
            "start": day_list[0].isoformat(),
            "end": day_list[-1].isoformat(),
            "note": "local dates in each site's timezone",
        },
        "sites": [_manifest_site(s) for s in specs],
        "goals": {str(s.id): s.goals for s in specs},
        "counts": {
            "calls": summary.calls,
            "visits": summary.visits,
            "actions": summary.actions,
            "calls_gz_bytes": summary.gz_bytes,
            "bodies_bytes": summary.body_bytes,
        },
        "calls": entries,
    }


def _manifest_site(spec: SiteSpec) -> dict[str, Any]:
    row = spec.row
    return {
        "idsite": spec.id,
        "name": row.get("name"),
        "main_url": row.get("main_url"),
        "timezone": row.get("timezone"),
        "currency": row.get("currency"),
        "ecommerce": bool(row.get("ecommerce")),
        "sitesearch": bool(row.get("sitesearch")),
        "template_site": spec.template,
    }


def iter_calls(directory: str | Path) -> Iterator[dict[str, Any]]:
    """Every recorded call of a recording directory, streamed (for checks and tests)."""
    with gzip.open(Path(directory) / CALLS_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
