"""The jobs behind `run` and `demo`: load, transform, reconcile, summarize."""

from __future__ import annotations

import json
import logging
import secrets
from pathlib import Path

import dlt

from pipelines import freshness, publish, reconcile, transform
from pipelines.runner import LoadOptions, LoadResult, load, run_lock

log = logging.getLogger("matomo_warehouse")


def configured_url() -> str | None:
    """`sources.matomo.url` from .dlt/config.toml or SOURCES__MATOMO__URL, if any."""
    value = dlt.config.get("sources.matomo.url")
    return str(value) if value else None


def refresh(duckdb_path: str | Path, options: LoadOptions, *, transform: bool = True) -> int:
    """Load, then (optionally) dbt build, reconcile and publish, all under the run lock.
    Returns the process exit code.

    dbt builds only what the loads since the last successful build changed (`freshness`):
    nothing new -> no dbt; only report rows -> the reconciliation; else the whole project."""
    with run_lock(duckdb_path):
        result = load(duckdb_path, options)
        _summarize(duckdb_path, result)
        code = 0 if result.ok else 1
        if transform:
            code = max(code, build_changed(duckdb_path))
    return code


def build_changed(duckdb_path: str | Path) -> int:
    """dbt build (and reconcile, publish) of what changed since the last recorded build."""
    build = freshness.plan(duckdb_path)
    if not build.needed:  # (a warehouse of an older version has no record: it builds)
        log.info("%s: the marts are current; dbt skipped", build.reason)
        return 0
    log.info("%s: dbt build %s", build.reason, build.select or "of every model")
    code = _transform_and_reconcile(duckdb_path, build.select)
    if code == 0:
        freshness.record(duckdb_path, build)
    return code


def demo(duckdb_path: str | Path, *, recording: Path | None = None, transform: bool = True) -> int:
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
        return refresh(duckdb_path, options, transform=transform)


def _summarize(duckdb_path: str | Path, result: LoadResult) -> None:
    tables = ", ".join(f"{t}={n}" for t, n in sorted(result.rows.items())) or "no new rows"
    log.info("loaded %s in %.1fs: %s", duckdb_path, result.seconds, tables)
    for failure in result.failures:
        log.error("%s", failure)
    if result.failures:
        log.error(
            "%d report failure(s); their state did not advance, re-run to retry",
            len(result.failures),
        )


def _transform_and_reconcile(duckdb_path: str | Path, select: str | None = None) -> int:
    code = transform.build(duckdb_path, select=select, unit_tests=False)  # SQL is tested in CI
    if code:
        return code
    return reconcile.run(duckdb_path) or publish.run(duckdb_path)
