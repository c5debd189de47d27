"""Removes what dlt leaves in the pipeline working dir (`.<db stem>.dlt/`) and no longer needs.

- `normalize/<8 chars>/`: dlt extracts each run into a folder of its own and moves the finished
  package to `normalize/extracted/`; a run killed while extracting leaves its folder behind
  (never read again: the next run extracts anew).
- `load/loaded/<load id>/`: every completed load package, its data files included. Only the
  packages of the last trace are kept (what `dlt pipeline <name> trace` / `load-package` show).
- `marts-current` beside the pipeline folder: the marker file of earlier versions (whether the
  marts are current is now derived from the load ids, see `freshness`).
- rows an interrupted load appended (`undo_unfinished_appends`): dlt replays the load jobs of
  an unfinished package that were not recorded as done, and an appending job may have copied
  its rows already; they are deleted first, so the replay adds them once.
- rows an appending load superseded (`drop_superseded`): an appending load reads only days no
  load read before, all final, so none of its visits should be in the warehouse yet; should
  Matomo have changed a visit after its day became final (so that it is now listed under a
  later day), its older rows are deleted as the merge would have.

Called under the run lock only, so no other process is extracting or loading.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Any

import dlt
from dlt.common.storages.load_package import ParsedLoadJobFileName

log = logging.getLogger(__name__)

# Tables a Live load may append to (`live.days.load_plans`)
APPENDED_TABLES = frozenset({"visits", "visit_actions", "ecommerce_items"})

EXTRACTED = "extracted"
SUPERSEDED_CHECKED = "superseded_checked"  # in a loaded package: `drop_superseded` ran
OLD_MARKER = "marts-current"


def remove_dead_extracts(pipeline: dlt.Pipeline) -> None:
    """Folders of extracts killed before they finished (the live one is `extracted/`), and the
    marker file of earlier versions."""
    (Path(pipeline.working_dir).parent / OLD_MARKER).unlink(missing_ok=True)
    folder = Path(pipeline.working_dir) / "normalize"
    if not folder.is_dir():
        return
    dead = [p for p in folder.iterdir() if p.is_dir() and p.name != EXTRACTED]
    for path in dead:
        shutil.rmtree(path, ignore_errors=True)
    if dead:
        log.info("removed %d unfinished extract(s) of interrupted runs", len(dead))


def remove_old_packages(pipeline: dlt.Pipeline) -> None:
    """Completed load packages other than those of the last trace (or the newest one)."""
    folder = Path(pipeline.working_dir) / "load" / "loaded"
    if not folder.is_dir():
        return
    packages = sorted(p for p in folder.iterdir() if p.is_dir())
    keep = _last_trace_load_ids(pipeline) or {p.name for p in packages[-1:]}
    for path in packages:
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


def _last_trace_load_ids(pipeline: dlt.Pipeline) -> set[str]:
    trace = pipeline.last_trace
    info = trace.last_load_info if trace else None
    return set(info.loads_ids) if info else set()


def undo_unfinished_appends(pipeline: dlt.Pipeline) -> None:
    """Before dlt replays unfinished load packages: delete what their appending jobs that will
    run again (started, no outcome recorded) may have written. Each row is matched by the
    `_dlt_id` its job file carries (unique per row), so rows of the package's completed jobs
    stay. Only DuckDB appends (parquet jobs); other warehouses merge."""
    packages = pipeline._get_load_storage().normalized_packages
    for load_id in pipeline.list_normalized_load_packages():
        tables = packages.load_schema(load_id).tables
        for path in packages.list_started_jobs(load_id):
            job = ParsedLoadJobFileName.parse(path)
            appended = tables.get(job.table_name, {}).get("write_disposition") == "append"
            if (
                appended
                and job.table_name in APPENDED_TABLES
                and job.file_format == "parquet"
                and packages.load_pending_transition(load_id, os.path.basename(path)) is None
            ):
                file = packages.storage.make_full_path(path)
                _delete_rows_of(pipeline, job.table_name, load_id, file)


def _delete_rows_of(pipeline: dlt.Pipeline, table: str, load_id: str, file: str) -> None:
    with pipeline.sql_client() as client:
        qualified = client.make_qualified_table_name(table)
        if not client.has_dataset():
            return
        exists = client.execute_sql(
            "select count(*) from information_schema.tables where table_schema = %s "
            "and table_name = %s",
            client.dataset_name,
            table,
        )[0][0]
        if not exists:
            return
        rows = client.execute_sql(
            f"delete from {qualified} where _dlt_load_id = %s and _dlt_id in "
            "(select _dlt_id from read_parquet(%s))",
            load_id,
            file,
        )
    log.warning(
        "load %s was interrupted: removed %s row(s) of %s its replay writes again",
        load_id, rows[0][0] if rows else 0, table,
    )  # fmt: skip


def drop_superseded(pipeline: dlt.Pipeline) -> None:
    """For each completed load package not checked yet (no `SUPERSEDED_CHECKED` file) that
    appended a Live table: delete the table's rows of other loads whose visit (`id_site,
    id_visit`) the package wrote, as the merge on that key would have, then mark it checked.
    Called after each load and, for a run killed in between, at the start of the next run.
    Nothing to delete is the rule (one semi-join per table)."""
    packages = pipeline._get_load_storage().loaded_packages
    if not packages.storage.has_folder("."):
        return
    for load_id in packages.list_packages():
        marker = Path(packages.storage.make_full_path(load_id)) / SUPERSEDED_CHECKED
        if marker.exists():
            continue
        package = packages.get_load_package_info(load_id)
        tables = package.schema.tables
        written = {job.job_file_info.table_name for job in package.jobs["completed_jobs"]}
        appended = [
            t
            for t in sorted(APPENDED_TABLES & written)
            if tables.get(t, {}).get("write_disposition") == "append"
        ]
        if appended:
            with pipeline.sql_client() as client:
                for table in appended:
                    _drop_superseded_rows(client, table, load_id)
        marker.touch()


def _drop_superseded_rows(client: Any, table: str, load_id: str) -> None:
    qualified = client.make_qualified_table_name(table)
    rows = client.execute_sql(
        f"""delete from {qualified} as old where old._dlt_load_id <> %s and exists (
        select 1 from {qualified} as new where new._dlt_load_id = %s
        and new.id_site = old.id_site and new.id_visit = old.id_visit)""",
        load_id,
        load_id,
    )
    if rows and rows[0][0]:
        log.warning(
            "%s: %d row(s) loaded before replaced by load %s (Matomo changed their visits "
            "after their day was final)",
            table, rows[0][0], load_id,
        )  # fmt: skip
