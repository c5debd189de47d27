"""`python -m bench.synthetic --visits N [--sites S] [--days D] --out DIR`."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
from pathlib import Path

from bench.synthetic import DEFAULT_END, generate


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.synthetic",
        description="Scale data: a synthetic Matomo recording made by cloning the real "
        "recorded Live visits.",
    )
    parser.add_argument("--visits", type=int, required=True)
    parser.add_argument("--sites", type=int, default=2)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument(
        "--end",
        type=dt.date.fromisoformat,
        default=DEFAULT_END,
        help="last local day (default %(default)s)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--source", type=Path, default=None, help="recording to clone (default: the bundled one)"
    )
    parser.add_argument("--out", type=Path, required=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    summary = generate(
        args.out,
        visits=args.visits,
        sites=args.sites,
        days=args.days,
        end=args.end,
        source=args.source,
        seed=args.seed,
    )
    print(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
