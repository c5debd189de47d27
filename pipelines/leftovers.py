"""Removes what dlt leaves in the pipeline working dir (`.<db stem>.dlt/`) and no longer needs.

- `normalize/<8 chars>/`: dlt extracts each run into a folder of its own and moves the finished
  package to `normalize/extracted/`; a run killed while extracting leaves its folder behind
  (never read again: the next run extracts anew).
- `load/loaded/<load id>/`: every completed load package, its data files included. Only the
  packages of the last trace are kept (what `dlt pipeline <name> trace` / `load-package` show).
- `marts-current` beside the pipeline folder: the marker file of earlier versions (whether the
  marts are current is now derived from the load ids, see `freshness`).

Called under the run lock only, so no other process is extracting or loading.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import dlt

log = logging.getLogger(__name__)

EXTRACTED = "extracted"
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
