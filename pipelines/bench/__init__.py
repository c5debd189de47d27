"""Benchmarks (not tests): `make bench` / `python -m pipelines.bench`.

One run generates (or reuses) synthetic recordings (`pipelines.recording.synthetic`), serves
them with `RecordingServer` in this process, and runs every measured step in a child process
(`pipelines.bench.worker`), so that each peak RSS is the step's own:

1. floor: the same Live pages downloaded and JSON-parsed with the same concurrency;
2. load: the Live source into a fresh DuckDB (visits/s, rows/s, peak RSS, dlt step times);
   the last day is not final yet (`now` = that day, 12:00 UTC);
3. dbt build of all marts (skipped with a note while `pipelines.transform` is missing);
4. incremental: a day later, the not-final day of each site is re-read, then dbt build again;
5. no-op refresh: the same again with nothing new (load + dbt build);
6. latency: a smaller recording served with `--latency-ms` per request; its wall time is set
   against pages / concurrency x latency.

Prints a table and writes JSON (default bench/out/results.json).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import math
import os
import platform
import secrets
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("pipelines.bench")

REPO_ROOT = Path(__file__).resolve().parents[2]
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
    from pipelines.recording.synthetic import generate

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
        [sys.executable, "-m", "pipelines.bench.worker", json.dumps(task)],
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


def _expected_pages(manifest: dict[str, Any]) -> int:
    """Requests the pager makes: a day of n visits takes floor(n / size) + 1 pages."""
    return sum(
        int(c["visits"]) // PAGE_SIZE + 1 for c in manifest["calls"] if c.get("group") == "live"
    )


def _noon(day: str) -> str:
    return f"{day}T12:00:00Z"


def _later(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat() + "T12:00:00Z"


def bench_size(size: Size, work: Path, data_dir: Path, skip_dbt: bool) -> dict[str, Any]:
    """Floor, load, dbt, incremental and no-op refresh on one recording."""
    from pipelines.recording import RecordingServer, load_recording

    directory = recording_for(size, data_dir)
    manifest = json.loads((directory / "manifest.json").read_text())
    start, end = manifest["date_range"]["start"], manifest["date_range"]["end"]
    counts = manifest["counts"]
    db = work / f"{size.name}.duckdb"
    for stale in (db, work / f".{db.stem}.dlt", work / f"{db.name}.wal"):
        shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(
            missing_ok=True
        )
    token = secrets.token_hex(8)
    out: dict[str, Any] = {
        "size": size.__dict__,
        "actions": counts["actions"],
        "json_mb": counts["bodies_bytes"] / 1e6,
    }
    with RecordingServer(load_recording(directory), token=token) as server:
        base = {"url": server.url, "token": token}
        floor = run_child(
            {
                **base,
                "task": "fetch",
                "units": _units(manifest),
                "page_size": PAGE_SIZE,
                "concurrency": CONCURRENCY,
            }
        )
        out["floor"] = floor
        log.warning("%s floor: %.1fs for %d pages", size.name, floor["seconds"], floor["pages"])
        server.reset_stats()
        first = run_child(
            {
                **base,
                "task": "load",
                "db": str(db),
                "start": start,
                "end": end,
                "now": _noon(end),
                "force_start": True,
            }
        )
        first["requests"] = server.total_requests()
        out["load"] = first
        log.warning("%s load: %.1fs", size.name, first["seconds"])
        def dbt_step() -> dict[str, Any]:
            return {"skipped": "--skip-dbt"} if skip_dbt else run_child(
                {"task": "dbt", "db": str(db)}
            )

        out["dbt"] = dbt_step()
        # two days later: the not-final last day is re-read; then the same with nothing new
        for step in ("incremental", "noop"):
            server.reset_stats()
            load = {**base, "task": "load", "db": str(db), "start": start, "end": end,
                    "now": _later(end, 2)}
            out[f"{step}_load"] = run_child(load)
            out[f"{step}_load"]["requests"] = server.total_requests()
            out[f"{step}_dbt"] = dbt_step()
    rows = sum(first["rows"].get(t, 0) for t in ("visits", "visit_actions", "ecommerce_items"))
    out["visits_per_s"] = size.visits / first["seconds"]
    out["rows_per_s"] = rows / first["seconds"]
    out["ratio_to_floor"] = first["seconds"] / floor["seconds"]
    out["cpu_ratio_to_floor"] = first["cpu_s"] / floor["cpu_s"]
    out["db_mb"] = db.stat().st_size / 1e6 if db.exists() else None
    return out


def bench_latency(size: Size, latency_ms: float, work: Path, data_dir: Path) -> dict[str, Any]:
    """A full load with `latency_ms` per request against pages / concurrency x latency."""
    from pipelines.recording import RecordingServer, load_recording

    directory = recording_for(size, data_dir)
    manifest = json.loads((directory / "manifest.json").read_text())
    start, end = manifest["date_range"]["start"], manifest["date_range"]["end"]
    db = work / f"{size.name}-latency.duckdb"
    for stale in (db, work / f".{db.stem}.dlt"):
        shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(
            missing_ok=True
        )
    token = secrets.token_hex(8)
    latency = latency_ms / 1000
    with RecordingServer(load_recording(directory), token=token, latency_s=latency) as server:
        base = {"url": server.url, "token": token}
        floor = run_child(
            {
                **base,
                "task": "fetch",
                "units": _units(manifest),
                "page_size": PAGE_SIZE,
                "concurrency": CONCURRENCY,
            }
        )
        server.reset_stats()
        result = run_child(
            {
                **base,
                "task": "load",
                "db": str(db),
                "start": start,
                "end": end,
                "now": _later(end, 2),
                "force_start": True,
            }
        )
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


def machine() -> dict[str, Any]:
    import dlt
    import duckdb

    info: dict[str, Any] = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "dlt": dlt.__version__,
        "duckdb": duckdb.__version__,
    }
    try:
        with open("/proc/meminfo") as fh:
            info["mem_gb"] = round(int(fh.readline().split()[1]) / 1024 / 1024, 1)
        with open("/proc/cpuinfo") as fh:
            model = [ln for ln in fh if ln.startswith("model name")]
        info["cpu"] = model[0].split(":", 1)[1].strip() if model else None
    except OSError:
        pass
    return info


def _fmt(value: Any, unit: str = "", digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}{unit}"
    return f"{value:,}{unit}"


def _secs(step: dict[str, Any]) -> str:
    if "skipped" in step:
        return "skipped"
    text = _fmt(step.get("seconds"), " s")
    if step.get("exit_code"):
        text += f" (exit {step['exit_code']})"
    return text


def render(results: dict[str, Any]) -> str:
    lines = []
    for r in results["sizes"]:
        s = r["size"]
        load = r["load"]
        steps = load.get("steps", {})
        lines += [
            f"\n== {s['visits']:,} visits, {r['actions']:,} actions, {s['sites']} sites x "
            f"{s['days']} days ({r['json_mb']:,.0f} MB of Live JSON)",
            f"  floor (download + JSON parse, {CONCURRENCY} workers) "
            f"{_fmt(r['floor']['seconds'], ' s'):>12}   {r['floor']['pages']} pages, "
            f"peak RSS {_fmt(r['floor']['peak_rss_mb'], ' MB', 0)}",
            f"  load (extract+normalize+load)       {_fmt(load['seconds'], ' s'):>12}   "
            f"extract {_fmt(steps.get('extract'), ' s')}, normalize "
            f"{_fmt(steps.get('normalize'), ' s')}, load {_fmt(steps.get('load'), ' s')}",
            f"  throughput                          {_fmt(r['visits_per_s'], ' visits/s', 0)}"
            f", {_fmt(r['rows_per_s'], ' rows/s', 0)}",
            f"  load / floor                        {_fmt(r['ratio_to_floor'], 'x', 2):>12}"
            f"   (target <= 1.5x; CPU seconds {_fmt(load['cpu_s'])} / "
            f"{_fmt(r['floor']['cpu_s'])} = {_fmt(r['cpu_ratio_to_floor'], 'x', 2)})",
            f"  peak RSS of the load                {_fmt(load['peak_rss_mb'], ' MB', 0):>12}"
            f"   (target < 500 MB)",
            f"  dbt build, all marts                {_secs(r['dbt']):>12}   (target < 60 s)",
            f"  incremental load (1 day/site)       {_secs(r['incremental_load']):>12}   "
            f"{r['incremental_load'].get('requests')} requests",
            f"  incremental dbt build               {_secs(r['incremental_dbt']):>12}   "
            f"(target < 10 s)",
            f"  no-op load                          {_secs(r['noop_load']):>12}   "
            f"{r['noop_load'].get('requests')} requests",
            f"  no-op dbt build                     {_secs(r['noop_dbt']):>12}   "
            f"(`run` skips it: refresh = no-op load, target < 5 s)",
        ]
        if r["dbt"].get("skipped"):
            lines.append(f"  note: dbt skipped: {r['dbt']['skipped']}")
    lat = results.get("latency")
    if lat:
        s = lat["size"]
        lines += [
            f"\n== latency {lat['latency_ms']:.0f} ms/request, {s['visits']:,} visits, "
            f"{s['sites']} sites x {s['days']} days",
            f"  Live pages {lat['live_pages']} (+{lat['other_requests']} metadata calls); "
            f"ideal pages/{CONCURRENCY} x latency = {_fmt(lat['ideal_s'], ' s')}",
            f"  floor (download + parse)            {_fmt(lat['floor']['seconds'], ' s'):>12}",
            f"  load                                {_fmt(lat['load']['seconds'], ' s'):>12}   "
            f"extract {_fmt(lat['load']['steps'].get('extract'), ' s')}",
            f"  load / ideal                        {_fmt(lat['ratio_total'], 'x', 2):>12}   "
            f"(target <= 1.3x; extract alone {_fmt(lat['ratio_extract'], 'x', 2)})",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipelines.bench",
        description=(
            "Benchmark the Live load against synthetic recordings (see BENCHMARKS.md). "
            "1M visits: --visits 1000000 --sites 4 --days 60"
        ),
    )
    parser.add_argument("--visits", type=int, default=50_000)
    parser.add_argument("--sites", type=int, default=2)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument(
        "--latency-ms",
        type=float,
        default=150.0,
        help="server latency of the latency run (0 = skip it)",
    )
    parser.add_argument("--latency-visits", type=int, default=7_200)
    parser.add_argument("--latency-days", type=int, default=180)
    parser.add_argument("--skip-dbt", action="store_true")
    parser.add_argument("--json", type=Path, default=OUT_DIR / "results.json")
    parser.add_argument(
        "--work", type=Path, default=OUT_DIR / "work", help="DuckDB files and dlt working dirs"
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=OUT_DIR / "data",
        help="generated recordings (reused between runs)",
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(message)s",
        stream=sys.stderr,
    )
    args.work.mkdir(parents=True, exist_ok=True)
    args.data.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {"page_size": PAGE_SIZE, "concurrency": CONCURRENCY},
        "sizes": [
            bench_size(
                Size(args.visits, args.sites, args.days), args.work, args.data, args.skip_dbt
            )
        ],
    }
    if args.latency_ms > 0:
        size = Size(args.latency_visits, args.sites, args.latency_days)
        results["latency"] = bench_latency(size, args.latency_ms, args.work, args.data)
    print(render(results))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, default=str))
    print(f"\nwrote {args.json}")
    return 0
