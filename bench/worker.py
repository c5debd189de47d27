"""What the benchmark runs in a child process, so that its peak RSS is its own.

    python -m bench.worker '{"task": "load", ...}'

Prints one JSON object (the measurements) as the last line of stdout; logs go to stderr.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

log = logging.getLogger("bench")


def peak_rss_mb() -> float:
    """Peak resident set size of this process: VmHWM (KiB). Not ru_maxrss: Linux carries the
    parent's RSS at fork into the child's ru_maxrss (the bench process serving a 1M recording
    made every later child report ~1 GB)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s() -> float:
    """CPU seconds (user + system) of this process and its threads so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def fetch_only(args: dict[str, Any]) -> dict[str, Any]:
    """The floor: the same Live pages, downloaded and JSON-parsed by the same client with the
    same concurrency (one day per worker, pages of a day in order), and thrown away."""
    from pipelines.matomo import live
    from pipelines.matomo.client import make_client

    client = make_client(args["url"], args["token"], 120.0, 0, 1.0, 0.0)
    units = [(int(s), dt.date.fromisoformat(d)) for s, d in args["units"]]
    page_size = int(args["page_size"])

    def day(unit: tuple[int, dt.date]) -> tuple[int, int]:
        pages = visits = 0
        for page in live.fetch_day_pages(client, unit[0], unit[1], page_size):
            pages += 1
            visits += len(page)
        return pages, visits

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=int(args["concurrency"])) as pool:
        done = list(pool.map(day, units))
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "pages": sum(p for p, _ in done),
        "visits": sum(v for _, v in done),
        "peak_rss_mb": peak_rss_mb(),
        "cpu_s": cpu_s(),
    }


def load(args: dict[str, Any]) -> dict[str, Any]:
    """One `runner.load` of the Live source (reports off), with dlt's step timings."""
    from pipelines import runner
    from pipelines.runner import LoadOptions, pipeline_for
    from pipelines.runner import load as run_load

    options = LoadOptions(
        url=args["url"],
        api_token=args["token"],
        start_date=args["start"],
        end_date=args["end"],
        now=args["now"],
        force_start=bool(args.get("force_start")),
        reports=False,
    )
    totals: dict[str, float] = {}  # every chunk's steps (dlt's last trace has the last one)
    original = runner._run

    def counted_run(pipeline: Any, *rest: Any) -> None:
        original(pipeline, *rest)
        for name, value in _steps(pipeline.last_trace).items():
            totals[name] = totals.get(name, 0.0) + value

    runner._run = counted_run
    started = time.perf_counter()
    try:
        result = run_load(args["db"], options)
    finally:
        runner._run = original
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "rows": result.rows,
        "steps": _steps(pipeline_for(args["db"]).last_trace),
        "steps_all_chunks": totals,
        "peak_rss_mb": peak_rss_mb(),
        "cpu_s": cpu_s(),
    }


def _steps(trace: Any) -> dict[str, float]:
    steps: dict[str, float] = {}
    for step in trace.steps if trace else []:
        if step.started_at and step.finished_at:
            steps[step.step] = (step.finished_at - step.started_at).total_seconds()
    return steps


def dbt_build(args: dict[str, Any]) -> dict[str, Any]:
    """`pipelines.transform.build(duckdb_path)` (all marts and data tests, as `run` builds
    them: without dbt's unit tests), timed."""
    try:
        from pipelines import transform  # type: ignore[attr-defined]
    except ImportError as exc:
        return {"skipped": f"pipelines.transform is not importable yet ({exc})"}
    started = time.perf_counter()
    code = transform.build(args["db"], unit_tests=False)
    return {
        "seconds": time.perf_counter() - started,
        "exit_code": code,
        "peak_rss_mb": peak_rss_mb(),
    }


TASKS = {"fetch": fetch_only, "load": load, "dbt": dbt_build}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = json.loads(argv[0])
    logging.basicConfig(
        level=args.get("log_level", "WARNING"),
        stream=sys.stderr,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    out = TASKS[args["task"]](args)
    print(json.dumps(out, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
