"""The measured steps: each runs in a child process (`bench.worker`) against a recording
served by `RecordingServer` in this process."""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines.recording import RecordingServer, load_recording

log = logging.getLogger("bench")

REPO_ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = REPO_ROOT / "bench" / "out"
PAGE_SIZE = 500  # .dlt/config.toml live_page_size
CONCURRENCY = 4  # .dlt/config.toml concurrency (settings.DEFAULT_CONCURRENCY)


@dataclass(frozen=True)
class Size:
    visits: int
    sites: int
    days: int

    @property
    def name(self) -> str:
        return f"v{self.visits}-s{self.sites}-d{self.days}"


def recording_for(size: Size, data_dir: Path) -> Path:
    """The synthetic recording of `size`, generated once and reused."""
    from bench.synthetic import generate

    directory = data_dir / size.name
    manifest = directory / "manifest.json"
    if manifest.is_file():
        meta = json.loads(manifest.read_text()).get("synthetic", {})
        if (meta.get("visits"), meta.get("sites"), meta.get("days")) == (
            size.visits,
            size.sites,
            size.days,
        ):
            return directory
    shutil.rmtree(directory, ignore_errors=True)
    log.warning("generating %s ...", directory)
    summary = generate(directory, visits=size.visits, sites=size.sites, days=size.days)
    log.warning(
        "generated %d visits / %d actions in %.1fs (%.0f MB gzip)",
        summary.visits,
        summary.actions,
        summary.seconds,
        summary.gz_bytes / 1e6,
    )
    return directory


def run_child(task: dict[str, Any], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run one worker task in a fresh interpreter; its last stdout line is the result."""
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "bench.worker", json.dumps(task)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"bench task {task['task']} failed:\n{proc.stderr[-4000:]}")
    if proc.stderr.strip():
        log.info("%s stderr:\n%s", task["task"], proc.stderr[-2000:])
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_wall_s"] = wall
    return result


def _units(manifest: dict[str, Any]) -> list[tuple[int, str]]:
    return sorted(
        (int(c["params"]["idSite"]), c["params"]["date"])
        for c in manifest["calls"]
        if c.get("group") == "live"
    )


def _noon(day: str) -> str:
    return f"{day}T12:00:00Z"


def _later(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat() + "T12:00:00Z"


def _fresh_db(db: Path, *stale: Path) -> None:
    """Remove the DuckDB file and dlt working dirs a previous run left."""
    for path in (db, *stale):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _floor(base: dict[str, Any], manifest: dict[str, Any]) -> dict[str, Any]:
    return run_child(
        {
            **base,
            "task": "fetch",
            "units": _units(manifest),
            "page_size": PAGE_SIZE,
            "concurrency": CONCURRENCY,
        }
    )


def _load_task(
    base: dict[str, Any], db: Path, manifest: dict[str, Any], now: str
) -> dict[str, Any]:
    """A worker `load` of the recording's whole date range into `db` at `now`."""
    start, end = manifest["date_range"]["start"], manifest["date_range"]["end"]
    return {**base, "task": "load", "db": str(db), "start": start, "end": end, "now": now}


def _first_load(
    base: dict[str, Any], db: Path, manifest: dict[str, Any], now: str
) -> dict[str, Any]:
    """A full load from the first day (`force_start`)."""
    return run_child({**_load_task(base, db, manifest, now), "force_start": True})


def _refreshes(
    out: dict[str, Any],
    server: RecordingServer,
    task: dict[str, Any],
    dbt_step: Callable[[], dict[str, Any]],
) -> None:
    """Two days later: the not-final last day is re-read; then the same with nothing new."""
    for step in ("incremental", "noop"):
        server.reset_stats()
        out[f"{step}_load"] = run_child(task)
        out[f"{step}_load"]["requests"] = server.total_requests()
        out[f"{step}_dbt"] = dbt_step()


def bench_size(size: Size, work: Path, data_dir: Path, skip_dbt: bool) -> dict[str, Any]:
    """Floor, load, dbt, incremental and no-op refresh on one recording."""
    directory = recording_for(size, data_dir)
    manifest = json.loads((directory / "manifest.json").read_text())
    counts = manifest["counts"]
    db = work / f"{size.name}.duckdb"
    _fresh_db(db, work / f".{db.stem}.dlt", work / f"{db.name}.wal")
    token = secrets.token_hex(8)
    out: dict[str, Any] = {
        "size": size.__dict__,
        "actions": counts["actions"],
        "json_mb": counts["bodies_bytes"] / 1e6,
    }

    def dbt_step() -> dict[str, Any]:
        return {"skipped": "--skip-dbt"} if skip_dbt else run_child({"task": "dbt", "db": str(db)})

    with RecordingServer(load_recording(directory), token=token) as server:
        base = {"url": server.url, "token": token}
        out["floor"] = floor = _floor(base, manifest)
        log.warning("%s floor: %.1fs for %d pages", size.name, floor["seconds"], floor["pages"])
        server.reset_stats()
        first = _first_load(base, db, manifest, _noon(manifest["date_range"]["end"]))
        first["requests"] = server.total_requests()
        out["load"] = first
        log.warning("%s load: %.1fs", size.name, first["seconds"])
        out["dbt"] = dbt_step()
        refresh = _load_task(base, db, manifest, _later(manifest["date_range"]["end"], 2))
        _refreshes(out, server, refresh, dbt_step)
    rows = sum(first["rows"].get(t, 0) for t in ("visits", "visit_actions", "ecommerce_items"))
    out["visits_per_s"] = size.visits / first["seconds"]
    out["rows_per_s"] = rows / first["seconds"]
    out["ratio_to_floor"] = first["seconds"] / floor["seconds"]
    out["cpu_ratio_to_floor"] = first["cpu_s"] / floor["cpu_s"]
    out["db_mb"] = db.stat().st_size / 1e6 if db.exists() else None
    return out


def bench_latency(size: Size, latency_ms: float, work: Path, data_dir: Path) -> dict[str, Any]:
    """A full load with `latency_ms` per request against pages / concurrency x latency."""
    directory = recording_for(size, data_dir)
    manifest = json.loads((directory / "manifest.json").read_text())
    db = work / f"{size.name}-latency.duckdb"
    _fresh_db(db, work / f".{db.stem}.dlt")
    token = secrets.token_hex(8)
    latency = latency_ms / 1000
    with RecordingServer(load_recording(directory), token=token, latency_s=latency) as server:
        base = {"url": server.url, "token": token}
        floor = _floor(base, manifest)
        server.reset_stats()
        result = _first_load(base, db, manifest, _later(manifest["date_range"]["end"], 2))
        counts = server.request_counts()
    pages = counts.get("Live.getLastVisitsDetails", 0)
    ideal = math.ceil(pages / CONCURRENCY) * latency
    return {
        "size": size.__dict__,
        "latency_ms": latency_ms,
        "live_pages": pages,
        "other_requests": sum(counts.values()) - pages,
        "ideal_s": ideal,
        "floor": floor,
        "load": result,
        "ratio_total": result["seconds"] / ideal if ideal else None,
        "ratio_extract": result["steps"].get("extract", 0) / ideal if ideal else None,
    }
