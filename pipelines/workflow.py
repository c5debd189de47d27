"""The jobs behind `run` and `demo`: load, transform, reconcile, summarize."""

from __future__ import annotations

import json
import logging
import secrets
from pathlib import Path

import dlt

from pipelines import reconcile, transform
from pipelines.runner import LoadOptions, LoadResult, load

log = logging.getLogger("matomo_warehouse")


def configured_url() -> str | None:
    """`sources.matomo.url` from .dlt/config.toml or SOURCES__MATOMO__URL, if any."""
    value = dlt.config.get("sources.matomo.url")
    return str(value) if value else None


def refresh(duckdb_path: str | Path, options: LoadOptions, *, transform: bool = True) -> int:
    """Load, then (optionally) dbt build and reconcile. Returns the process exit code."""
    result = load(duckdb_path, options)
    _summarize(duckdb_path, result)
    code = 0 if result.ok else 1
    if transform:
        code = max(code, _transform_and_reconcile(duckdb_path))
    return code


def demo(
    duckdb_path: str | Path, *, recording: Path | None = None, transform: bool = True
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
        return refresh(duckdb_path, options, transform=transform)


def _summarize(duckdb_path: str | Path, result: LoadResult) -> None:
    tables = ", ".join(f"{t}={n}" for t, n in sorted(result.rows.items())) or "no new rows"
    log.info("loaded %s in %.1fs: %s", duckdb_path, result.seconds, tables)
    for failure in result.failures:
        log.error("%s", failure)
    if result.failures:
        log.error(
            "%d report request(s) failed; their state did not advance, re-run to retry",
            len(result.failures),
        )


def _transform_and_reconcile(duckdb_path: str | Path) -> int:
    code = transform.build(duckdb_path)
    if code:
        return code
    return reconcile.run(duckdb_path)
