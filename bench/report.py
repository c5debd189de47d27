"""The machine a benchmark ran on, and its results as a table."""

from __future__ import annotations

import os
import platform
from typing import Any

from .steps import CONCURRENCY


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
    info["loadavg_start"] = load_average()
    try:
        with open("/proc/meminfo") as fh:
            info["mem_gb"] = round(int(fh.readline().split()[1]) / 1024 / 1024, 1)
        with open("/proc/cpuinfo") as fh:
            model = [ln for ln in fh if ln.startswith("model name")]
        info["cpu"] = model[0].split(":", 1)[1].strip() if model else None
    except OSError:
        pass
    return info


def load_average() -> list[float] | None:
    """1, 5 and 15 minute load averages (the machine is shared: ratios, not seconds)."""
    try:
        return [round(x, 1) for x in os.getloadavg()]
    except OSError:
        return None


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
    if step.get("peak_rss_mb"):
        text += f", {_fmt(step['peak_rss_mb'], ' MB', 0)}"
    return text


def _issue_row(r: dict[str, Any]) -> str:
    """The row of issue 14's table: visits | this project | floor, and the dbt columns."""
    load, floor = r["load"], r["floor"]
    return (
        f"  | {r['size']['visits']:,} | {_fmt(load['seconds'], ' s')}, "
        f"{_fmt(load['peak_rss_mb'], ' MB', 0)} peak | {_fmt(floor['seconds'], ' s')}, "
        f"{_fmt(floor['peak_rss_mb'], ' MB', 0)} | ratio {_fmt(r['ratio_to_floor'], 'x', 2)} "
        f"(CPU {_fmt(r['cpu_ratio_to_floor'], 'x', 2)}) | dbt full {_secs(r['dbt'])}, "
        f"incremental {_secs(r['incremental_dbt'])} | no-op load {_secs(r['noop_load'])} |"
    )


def _size_lines(r: dict[str, Any]) -> list[str]:
    s = r["size"]
    load = r["load"]
    steps = load.get("steps", {})
    every = load.get("steps_all_chunks", {})
    lines = [
        f"\n== {s['visits']:,} visits, {r['actions']:,} actions, {s['sites']} sites x "
        f"{s['days']} days ({r['json_mb']:,.0f} MB of Live JSON)",
        f"  floor (download + JSON parse, {CONCURRENCY} workers) "
        f"{_fmt(r['floor']['seconds'], ' s'):>12}   {r['floor']['pages']} pages, "
        f"peak RSS {_fmt(r['floor']['peak_rss_mb'], ' MB', 0)}",
        f"  load (extract+normalize+load)       {_fmt(load['seconds'], ' s'):>12}   "
        f"last chunk: extract {_fmt(steps.get('extract'), ' s')}, normalize "
        f"{_fmt(steps.get('normalize'), ' s')}, load {_fmt(steps.get('load'), ' s')}",
        f"  dlt steps, all chunks               extract {_fmt(every.get('extract'), ' s')}, "
        f"normalize {_fmt(every.get('normalize'), ' s')}, load {_fmt(every.get('load'), ' s')}",
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
    lines += ["  issue 14 row (visits | load | floor | ratio | dbt | no-op):", _issue_row(r)]
    return lines


def _latency_lines(lat: dict[str, Any]) -> list[str]:
    s = lat["size"]
    return [
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


def render(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        f"machine: {m.get('cpus')} CPUs, load average at start {m.get('loadavg_start')}, "
        f"at end {results.get('loadavg_end')}"
    ]
    for r in results["sizes"]:
        lines += _size_lines(r)
    lat = results.get("latency")
    if lat:
        lines += _latency_lines(lat)
    return "\n".join(lines)
