"""The jobs behind `run` and `demo`: load, transform, reconcile, summarize."""

from __future__ import annotations

import html
import json
import logging
import re
import secrets
from pathlib import Path

import dlt

from pipelines import freshness, publish, reconcile, transform
from pipelines.matomo.client import MatomoError
from pipelines.runner import LoadOptions, LoadResult, load, run_lock
from pipelines.warehouse import Warehouse

log = logging.getLogger("matomo_warehouse")


def configured_url() -> str | None:
    """`sources.matomo.url` from .dlt/config.toml or SOURCES__MATOMO__URL, if any."""
    value = dlt.config.get("sources.matomo.url")
    return str(value) if value else None


def refresh(target: str | Path | Warehouse, options: LoadOptions, *, transform: bool = True) -> int:
    """Load, then (optionally) dbt build, reconcile and publish, all under the run lock.
    Returns the process exit code.

    dbt builds only what the loads since the last successful build changed (`freshness`):
    nothing new -> no dbt; only report rows -> the reconciliation; else the whole project."""
    with run_lock(target):
        result = load(target, options)
        _summarize(target, result)
        code = 0 if result.ok else 1
        if transform:
            code = max(code, build_changed(target))
    return code


def build_changed(target: str | Path | Warehouse) -> int:
    """dbt build (and reconcile, publish) of what changed since the last recorded build."""
    build = freshness.plan(target)
    if not build.needed:  # (a warehouse of an older version has no record: it builds)
        log.info("%s: the marts are current; dbt skipped", build.reason)
        return 0
    log.info("%s: dbt build %s", build.reason, build.select or "of every model")
    code = _transform_and_reconcile(target, build.select)
    if code == 0:
        freshness.record(target, build)
    return code


def demo(
    target: str | Path | Warehouse, *, recording: Path | None = None, transform: bool = True
) -> int:
    """Serve a recording on a free local port and refresh from it over HTTP."""
    from pipelines.recording import RecordingServer, bundled_recording_dir

    directory = Path(recording) if recording else bundled_recording_dir()
    manifest = json.loads((directory / "manifest.json").read_text())
    dates = manifest["date_range"]
    token = secrets.token_hex(16)
    with RecordingServer(directory, token=token) as server:
        log.info("serving recording %s at %s", directory, server.url)
        options = LoadOptions(
            url=server.url,
            api_token=token,
            start_date=dates["start"],
            end_date=dates["end"],
            force_start=True,
            report_periods=["day", "week", "month"],
        )
        return refresh(target, options, transform=transform)


def _summarize(target: str | Path | Warehouse, result: LoadResult) -> None:
    tables = loaded_tables(result.rows)
    if result.rows.get("quarantine"):  # bad Live values: see README "Bad rows: quarantine"
        tables += f"; {result.rows['quarantine']} value(s) quarantined (matomo_raw.quarantine)"
    log.info("loaded %s in %.1fs: %s", target, result.seconds, tables)
    for line in failure_lines(result.failures):
        log.error("%s", line)
    if result.failures:
        log.error(
            "%d report failure(s); their state did not advance, re-run to retry",
            len(result.failures),
        )


def loaded_tables(rows: dict[str, int], top: int = 4) -> str:
    """`1345 rows in 3 tables: visit_actions=5260, visits=1345, ... and N more` (the largest)."""
    if not rows:
        return "no new rows"
    largest = sorted(rows.items(), key=lambda item: (-item[1], item[0]))
    shown = ", ".join(f"{t}={n}" for t, n in largest[:top])
    more = f" and {len(rows) - top} more" if len(rows) > top else ""
    return f"{sum(rows.values())} rows in {len(rows)} tables: {shown}{more}"


def failure_lines(failures: list[MatomoError], width: int = 120) -> list[str]:
    """One line per method and cause: `M: cause — N requests, sites 1, 2, D1..D2`. Causes that
    differ only in numbers (dates, ids in the message) count as one; the first one is shown."""
    groups: dict[tuple[str, str], list[MatomoError]] = {}
    for failure in failures:
        key = (failure.method or "", re.sub(r"\d+", "#", failure.cause))
        groups.setdefault(key, []).append(failure)
    lines = []
    for (method, _), group in groups.items():
        cause = " ".join(html.unescape(group[0].cause).split())  # Matomo escapes `>` as &gt;
        if not method:  # e.g. the circuit breaker's summary: a line of its own
            line = html.unescape(str(group[0]))
            lines.append(line + (f" ({len(group)} times)" if len(group) > 1 else ""))
            continue
        text = cause if len(cause) <= width else cause[: width - 1] + "…"
        lines.append(f"{method}: {text} — {_where(group)}")
    return lines


def _where(group: list[MatomoError]) -> str:
    """`3 requests, sites 1, 2, 2026-10-01..2026-10-11` (sites and dates when known)."""
    parts = [f"{len(group)} request{'s' * (len(group) != 1)}"]
    sites = sorted({str(f.params["idSite"]) for f in group if "idSite" in f.params}, key=_natural)
    if sites:
        parts.append(f"site{'s' * (len(sites) != 1)} {', '.join(sites)}")
    dates = sorted(str(f.params["date"]) for f in group if "date" in f.params)
    if dates:
        parts.append(f"{dates[0]}..{dates[-1]}")
    return ", ".join(parts)


def _natural(site: str) -> tuple[int, str]:
    return (int(site), "") if site.isdigit() else (0, site)


def _transform_and_reconcile(target: str | Path | Warehouse, select: str | None = None) -> int:
    code = transform.build(target, select=select, unit_tests=False)  # SQL is tested in CI
    if code:
        return code
    return reconcile.run(target) or publish.run(target)
