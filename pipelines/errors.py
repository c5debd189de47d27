"""Errors the CLI turns into one line on stderr and a non-zero exit."""

from __future__ import annotations

import errno
import re
from collections.abc import Iterator
from pathlib import Path


class UserError(Exception):
    """Bad input or configuration: the message says what is wrong and what to do."""


def missing_config(*fields: str) -> str:
    """The one message for unset `[sources.matomo]` settings (api_token is a secret)."""
    names = ", ".join(fields)
    env = ", ".join(f"SOURCES__MATOMO__{f.upper()}" for f in fields)
    return (
        f"missing configuration: {names}; set it under [sources.matomo] in .dlt/config.toml "
        f"(api_token in .dlt/secrets.toml) or as {env}"
    )


def no_warehouse(path: str | Path) -> UserError:
    return UserError(f"no warehouse at {path}; run `matomo-warehouse run` first")


def chain(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and the exceptions behind it, outermost first. dlt's PipelineStepFailed keeps the
    real one in `.exception`, others in `__cause__` / `__context__`."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        inner = getattr(current, "exception", None)
        current = (
            inner if isinstance(inner, BaseException) else current.__cause__ or current.__context__
        )


def root_cause(exc: BaseException) -> BaseException:
    """The innermost exception with a message (wrappers often end in "with exception:")."""
    causes = [c for c in chain(exc) if first_line(c, "")]
    return causes[-1] if causes else exc


def first_line(exc: BaseException, default: str | None = None) -> str:
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    if lines:
        return lines[0]
    return type(exc).__name__ if default is None else default


def interrupted(exc: BaseException) -> bool:
    """Ctrl-C (or SIGTERM, which dlt turns into the same) somewhere in the chain."""
    return any(isinstance(c, KeyboardInterrupt) for c in chain(exc))


# DuckDB: 'IO Error: Could not set lock on file "/x/w.duckdb": Conflicting lock is held in
# /usr/bin/python3 (PID 1234) by user ...'
_LOCK = re.compile(
    r'lock on file "(?P<path>[^"]+)": '
    r"Conflicting lock is held in (?P<prog>.+?) \(PID (?P<pid>\d+)\)"
)
# DuckDB's IOException texts for the OSErrors below (it does not raise OSError)
_DUCKDB_IO = re.compile(r'"(?P<path>[^"]+)"[^"]*?(?P<why>Permission denied|No space left on device|'
                        r"Read-only file system|Disk quota exceeded)")  # fmt: skip
_WHY_ERRNO = {
    "Permission denied": errno.EACCES,
    "No space left on device": errno.ENOSPC,
    "Read-only file system": errno.EROFS,
    "Disk quota exceeded": errno.EDQUOT,
}


def explain(exc: BaseException) -> UserError | None:
    """A one-line UserError for a known cause in the chain of `exc` (the DuckDB file locked by
    another process, a full disk, a read-only or unwritable folder), else None."""
    for cause in chain(exc):
        if isinstance(cause, UserError):
            return cause
        text = str(cause)
        if lock := _LOCK.search(text):
            return locked(lock["path"], lock["pid"], lock["prog"])
        if isinstance(cause, OSError) and cause.errno in _OS_MESSAGES:
            target = cause.filename2 or cause.filename or ""  # a copy or move: its destination
            return os_error(cause.errno, target, cause.strerror or "")
        if _is_duckdb_error(cause) and (io := _DUCKDB_IO.search(text)):
            return os_error(_WHY_ERRNO[io["why"]], io["path"], io["why"])
        if _is_duckdb_error(cause) and text.startswith("Out of Memory Error"):
            return UserError(
                "DuckDB ran out of memory under warehouse.duckdb_memory_limit; raise it or "
                "lower sources.matomo.visits_per_load, then re-run (nothing loaded is lost)"
            )
    return None


def _is_duckdb_error(exc: BaseException) -> bool:
    return type(exc).__module__.split(".")[0] in ("duckdb", "_duckdb")


def locked(path: str, pid: str, prog: str) -> UserError:
    from pipelines.publish import published_path

    return UserError(
        f"{Path(path).name} is locked by another process (PID {pid}: {prog}); BI tools should "
        f"read {published_path(path).name} (see README: BI tools); stop that process or wait, "
        "then re-run"
    )


_OS_MESSAGES = {
    errno.ENOSPC: "no space left on the device of {path}; free some space, then re-run "
    "(the next run finishes or redoes this one's load)",
    errno.EDQUOT: "disk quota exceeded writing {path}; free some space, then re-run",
    errno.EROFS: "{path} is on a read-only file system; use a writable folder for --duckdb",
    errno.EACCES: "cannot write {path}: {why}; make its folder writable for this user or use "
    "another --duckdb path",
}
_OS_MESSAGES[errno.EPERM] = _OS_MESSAGES[errno.EACCES]


def os_error(code: int, path: str | Path, why: str) -> UserError:
    return UserError(_OS_MESSAGES[code].format(path=path or "the warehouse folder", why=why))
