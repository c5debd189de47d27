"""Build the dbt project (`pipelines/dbt_project/`, shipped in the package) against the warehouse
(a DuckDB file, or PostgreSQL: profiles.yml's target is chosen by `Warehouse.dbt_env()`),
programmatically."""

from __future__ import annotations

import contextlib
import json
import logging
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from pipelines import warehouse
from pipelines.errors import UserError
from pipelines.home import scoped_env
from pipelines.logs import is_terminal
from pipelines.matomo import settings
from pipelines.warehouse import Warehouse

log = logging.getLogger("matomo_warehouse")

PROJECT_DIR = Path(__file__).resolve().parent / "dbt_project"
DUCKDB_ENV = warehouse.DUCKDB_ENV


def build(
    target: str | Path | Warehouse,
    *,
    select: str | None = None,
    full_refresh: bool = False,
    vars: dict | None = None,
    unit_tests: bool = True,
    strict_select: bool = False,
) -> int:
    """`dbt build` (models, unit tests, data tests) on the warehouse. Returns 0 ok, 1 failed;
    with `strict_select`, a `select` matching no node raises UserError (a user's --select).

    `unit_tests=False` leaves out dbt's unit tests: they test the SQL, not the data, and cost a
    fixed ~6 s per build; the scheduled refresh skips them (`make test` runs them).

    dbt writes target/ and logs/ in the warehouse's local folder (`.<stem>.dbt/`, beside the
    DuckDB file), never into the package.
    `vars` overrides `matomo__*` vars.
    """
    from dbt.cli.main import dbtRunner

    wh = warehouse.resolve(target)
    with wh.connect():  # a DuckDB lock held by a reader, PostgreSQL down: one line, not dbt's
        pass
    args = _build_args(wh.local_dir("dbt"), select, full_refresh, vars, unit_tests)
    started = time.monotonic()
    with contextlib.ExitStack() as env:
        for name, value in wh.dbt_env().items():
            env.enter_context(scoped_env(name, value))
        try:
            result = dbtRunner().invoke(args)
        finally:
            _release_duckdb()
    if isinstance(result.exception, KeyboardInterrupt):
        raise KeyboardInterrupt
    if strict_select and select and result.success and not result.result:
        raise UserError(f"--select matched no dbt node: {select}")
    return _report(result, time.monotonic() - started)


def work_dir(target: str | Path | Warehouse) -> Path:
    """dbt's target/ and logs/ folder of one warehouse: `.<stem>.dbt/` beside the DuckDB file
    (like the dlt pipeline's `.<stem>.dlt/`), so an installed package stays read-only."""
    return warehouse.resolve(target).local_dir("dbt")


def _build_args(
    work: Path, select: str | None, full_refresh: bool, vars: dict | None, unit_tests: bool
) -> list[str]:
    args = [
        "build",
        "--project-dir", str(PROJECT_DIR),
        "--profiles-dir", str(PROJECT_DIR),
        "--log-path", str(work / "logs"),
        "--target-path", str(work / "target"),
        "--quiet",
    ]  # fmt: skip
    if not is_terminal(sys.stdout):  # dbt colours its (error) output even into files and pipes
        args.append("--no-use-colors")
    if select:
        args += ["--select", select]
    if full_refresh:
        args.append("--full-refresh")
    if not unit_tests:
        args += ["--exclude-resource-type", "unit_test"]
    if vars:
        args += ["--vars", json.dumps(vars)]
    return args


def _report(result: Any, seconds: float) -> int:
    """Log a one-line summary of a dbt result and each failure; 0 ok, 1 failed."""
    counts: Counter[tuple[str, str]] = Counter()
    failures = []
    for node_result in result.result or ():
        node = node_result.node
        if node.resource_type == "operation":  # on-run-start hooks (macros/portable)
            continue
        kind = "tests" if node.resource_type in ("test", "unit_test") else "models"
        status = str(node_result.status).split(".")[-1].lower()
        counts[(kind, status)] += 1
        if status in ("error", "fail"):
            failures.append(f"{node.resource_type} {node.name}: {node_result.message}")
        elif status == "warn":  # e.g. Matomo vocabulary: rows stored in matomo_audit.<test>
            stored = getattr(node, "relation_name", None)
            rows = f" (rows in {stored})" if stored else ""
            log.warning("%s %s: %s%s", node.resource_type, node.name, node_result.message, rows)
    ok = bool(result.success)
    log.info(
        "dbt build %s in %.1fs: %s",
        "ok" if ok else "FAILED",
        seconds,
        _summary(counts) or "nothing selected",
    )
    for failure in failures:
        log.error("%s", failure)
    if any("Out of Memory Error" in failure for failure in failures):
        log.error(
            "dbt ran out of DuckDB memory (dbt's default %s): raise %s, e.g. %s=4GB",
            settings.DEFAULT_DBT_MEMORY_LIMIT, warehouse.MEMORY_LIMIT_KEY,
            "WAREHOUSE__DUCKDB_MEMORY_LIMIT",
        )  # fmt: skip
    if result.exception is not None:
        log.error("dbt build failed: %s", result.exception)
    return 0 if ok else 1


def _summary(counts: Counter[tuple[str, str]]) -> str:
    """`models 12 success, tests 40 pass 1 fail`."""
    return ", ".join(
        f"{kind} {' '.join(f'{n} {s}' for (k, s), n in sorted(counts.items()) if k == kind)}"
        for kind in ("models", "tests")
        if any(k == kind for k, _ in counts)
    )


def _release_duckdb() -> None:
    """dbt-duckdb keeps its DuckDB connection open in-process after a run; close it so the
    file can be opened again (by the loader, reconciliation or tests) in this process."""
    try:
        from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    except ImportError:  # pragma: no cover - another adapter
        return
    env = getattr(DuckDBConnectionManager, "_ENV", None)
    if env is not None:
        conn = getattr(env, "conn", None)
        if conn is not None:
            conn.close()
            env.conn = None
    DuckDBConnectionManager.close_all_connections()
