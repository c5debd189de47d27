"""Runs the sources into the warehouse (DuckDB or PostgreSQL): pipeline setup, a run lock,
results. Used by the CLI commands."""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dlt
from dlt.common.configuration.exceptions import ConfigFieldMissingException
from dlt.pipeline.exceptions import PipelineStepFailed

from pipelines import leftovers, warehouse
from pipelines.errors import (
    UserError,
    chain,
    explain,
    first_line,
    interrupted,
    missing_config,
    root_cause,
)
from pipelines.matomo import RunContext, matomo_reports, matomo_source, settings
from pipelines.matomo.client import MatomoError
from pipelines.warehouse import RESERVED_STEMS, Warehouse, warehouse_path

__all__ = ["RESERVED_STEMS", "LoadOptions", "LoadResult", "load", "pipeline_for", "warehouse_path"]

log = logging.getLogger(__name__)

# Tables each load (each chunk of a long backfill) writes whole: counted once in the summary.
REPEATED_TABLES = frozenset({"sites", "goals", "custom_dimensions"})


def pipeline_for(target: str | Path | Warehouse) -> dlt.Pipeline:
    """The dlt pipeline of one warehouse (a DuckDB file or a PostgreSQL database); its working
    dir is the warehouse's own (`.<stem>.dlt/`), so two warehouses never share state."""
    wh = warehouse.resolve(target)
    configure_dlt(wh)
    return dlt.pipeline(
        pipeline_name=settings.PIPELINE_NAME,
        pipelines_dir=str(wh.local_dir("dlt")),
        destination=wh.destination(),
        dataset_name=settings.RAW_SCHEMA,
    )


def configure_dlt(wh: Warehouse | None = None) -> None:
    """dlt's process-wide settings for our sources (idempotent). The Live tables are yielded as
    arrow tables: make dlt add `_dlt_load_id` (the dbt models read it) to them at extract, as
    it does to rows. They carry their own `_dlt_id` (`live.columns.ROW_ID`), so dlt's
    normalize imports their parquet files as they are instead of rewriting each one to add
    it (a second `_dlt_id` would break the load: not configurable). Memory: the warehouse's
    load workers unless `[load] workers` is set; arrow on the system allocator (mimalloc kept
    ~60-80 MB of freed batches resident into the load step) unless ARROW_DEFAULT_MEMORY_POOL
    is set."""
    os.environ.setdefault("NORMALIZE__PARQUET_NORMALIZER__ADD_DLT_LOAD_ID", "true")
    os.environ["NORMALIZE__PARQUET_NORMALIZER__ADD_DLT_ID"] = "false"
    if wh is not None:
        _default_load_workers(wh.load_workers)
    if not os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        import pyarrow

        pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    dlt_logger = logging.getLogger("dlt")
    if not any(isinstance(f, _JsonHintNotice) for f in dlt_logger.filters):
        dlt_logger.addFilter(_JsonHintNotice())


_LOAD_WORKERS_ENV = "LOAD__WORKERS"
_load_workers_set: list[str] = []  # the value this process put in the environment


def _default_load_workers(workers: int) -> None:
    """`[load] workers` for this warehouse, unless configured (the environment or .dlt/)."""
    current = os.environ.get(_LOAD_WORKERS_ENV)
    unset = current is None and dlt.config.get("load.workers") is None
    if unset or current in _load_workers_set:
        os.environ[_LOAD_WORKERS_ENV] = str(workers)
        _load_workers_set[:] = [str(workers)]


class _JsonHintNotice(logging.Filter):
    """Drop dlt's per-page warning that our JSON columns arrive as arrow strings: the column
    hint (json) is meant to win, and DuckDB stores the JSON text as the row path does."""

    _PREFIXES = tuple(
        f"In resource: {name}, when merging arrow schema"
        for name in ("visits", "visit_actions", "ecommerce_items")
    )

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self._PREFIXES)


_HELD_LOCKS: set[Path] = set()  # warehouses this process holds the run lock of


@contextlib.contextmanager
def run_lock(target: str | Path | Warehouse) -> Iterator[None]:
    """One run per warehouse at a time (for PostgreSQL: per home folder and database); the lock
    dies with the process (kill -9 included). Re-entrant within a process: the refresh holds it
    around load, dbt, reconcile, publish."""
    wh = warehouse.resolve(target)
    path = wh.lock_path
    if path in _HELD_LOCKS:
        yield
        return
    with open(path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UserError(
                f"another matomo-warehouse run is using {wh}; wait for it to finish "
                "(nothing was written by this one)"
            ) from None
        _HELD_LOCKS.add(path)
        try:
            yield
        finally:
            _HELD_LOCKS.discard(path)
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass
class LoadResult:
    """What one load did, for the CLI's summary."""

    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    failures: list[MatomoError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass
class LoadOptions:
    """Run-time overrides of `[sources.matomo]` config; None = use the config."""

    url: str | None = None
    api_token: str | None = None
    site_ids: list[int] | None = None
    start_date: str | None = None
    end_date: str | None = None
    force_start: bool = False
    now: Any = None
    report_periods: list[str] | None = None
    live: bool = True
    reports: bool = True

    def source_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "url": self.url,
            "api_token": self.api_token,
            "site_ids": self.site_ids,
            "start_date": self.start_date,
            "end_date": self.end_date,
        }
        return {k: v for k, v in kwargs.items() if v is not None}

    def run_context(self, failures: list[MatomoError]) -> RunContext:
        """The run-time context of one run; the reports source appends to `failures`."""
        return RunContext(
            now=self.now,
            force_start=self.force_start,
            failures=failures,
            verify_catalogue=True,  # a misspelt report method fails before any load
        )


def load(target: str | Path | Warehouse, options: LoadOptions) -> LoadResult:
    """Extract and load the selected sources into the warehouse under a run lock."""
    result = LoadResult()
    started = time.monotonic()
    run = options.run_context(result.failures)
    wh = warehouse.resolve(target)
    run.append_new_days = wh.kind == "duckdb"  # see leftovers.undo_unfinished_appends
    with run_lock(wh):
        pipeline = pipeline_for(wh)
        leftovers.remove_dead_extracts(pipeline)
        leftovers.drop_superseded(pipeline)  # a run killed right after its load
        for source in _sources(options, run):  # all built (checked) first
            _run(pipeline, source, result, wh.loader_file_format)
            while source.name == "matomo" and run.chunks.more:  # a long backfill: next chunk
                log.info(
                    "loaded %d visits; continuing after %s",
                    run.chunks.visits,
                    ", ".join(f"site {s}: {d}" for s, d in run.chunks.resume_after.items()),
                )
                _run(pipeline, _live_source(options, run), result, wh.loader_file_format)
        leftovers.remove_old_packages(pipeline)
    result.seconds = time.monotonic() - started
    return result


def _live_source(options: LoadOptions, run: RunContext) -> Any:
    return matomo_source(run=run, **options.source_kwargs())


def _sources(options: LoadOptions, run: RunContext) -> list[Any]:
    sources = []
    try:
        if options.live:
            sources.append(_live_source(options, run))
        if options.reports:
            periods = {"report_periods": options.report_periods} if options.report_periods else {}
            sources.append(matomo_reports(run=run, **periods, **options.source_kwargs()))
    except ConfigFieldMissingException as exc:
        raise UserError(missing_config(*exc.fields)) from None
    return sources


def _run(pipeline: dlt.Pipeline, source: Any, result: LoadResult, file_format: Any) -> None:
    try:
        if pipeline.has_pending_data:
            # An earlier run died after extracting (killed, crashed, disk full): finish loading
            # its package first. dlt's run() would load it *instead of* extracting `source`.
            log.warning("finishing the load of an interrupted earlier run first")
            leftovers.undo_unfinished_appends(pipeline)
            pipeline.run()
        info = pipeline.run(source, loader_file_format=file_format)
    except PipelineStepFailed as exc:
        raise _unwrap(exc) from None
    leftovers.drop_superseded(pipeline)
    log.debug("%s", info)
    normalized = pipeline.last_trace.last_normalize_info if pipeline.last_trace else None
    counts = normalized.row_counts if normalized else {}
    for table, n in counts.items():
        if table in REPEATED_TABLES:  # every chunk of a backfill loads the same rows again
            result.rows[table] = max(result.rows.get(table, 0), n)
        elif not table.startswith("_dlt"):
            result.rows[table] = result.rows.get(table, 0) + n


def _unwrap(exc: PipelineStepFailed) -> BaseException:
    """dlt wraps errors raised in our sources and in DuckDB; surface the cause as one line
    (ours as they are, a locked or unwritable file explained), Ctrl-C as KeyboardInterrupt."""
    if interrupted(exc):
        return KeyboardInterrupt()
    for cause in chain(exc):
        if isinstance(cause, MatomoError):
            return cause
    return explain(exc) or UserError(
        f"load failed in step {exc.step}: {first_line(root_cause(exc))}"
    )
