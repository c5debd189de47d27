"""`python -m bench` (`make bench`): see the package docstring and BENCHMARKS.md."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Any

from bench.report import load_average, machine, render
from bench.steps import CONCURRENCY, OUT_DIR, PAGE_SIZE, Size, bench_latency, bench_size


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=(
            "Benchmark the Live load against synthetic recordings (see BENCHMARKS.md). "
            "Default 200k visits (4 sites x 60 days); 1M: --visits 1000000"
        ),
    )
    parser.add_argument("--visits", type=int, default=200_000)
    parser.add_argument("--sites", type=int, default=4)
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument(
        "--latency-ms",
        type=float,
        default=0.0,
        help="server latency of a latency run (0 = skip it; e.g. 150)",
    )
    parser.add_argument("--latency-visits", type=int, default=7_200)
    parser.add_argument("--latency-days", type=int, default=180)
    parser.add_argument(
        "--skip-dbt", action="store_true", help="no dbt builds (slow on a loaded machine)"
    )
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(message)s",
        stream=sys.stderr,
    )
    args.work.mkdir(parents=True, exist_ok=True)
    args.data.mkdir(parents=True, exist_ok=True)
    size = Size(args.visits, args.sites, args.days)
    results: dict[str, Any] = {
        "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {"page_size": PAGE_SIZE, "concurrency": CONCURRENCY},
        "sizes": [bench_size(size, args.work, args.data, args.skip_dbt)],
    }
    if args.latency_ms > 0:
        size = Size(args.latency_visits, args.sites, args.latency_days)
        results["latency"] = bench_latency(size, args.latency_ms, args.work, args.data)
    results["loadavg_end"] = load_average()
    print(render(results))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, default=str))
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
