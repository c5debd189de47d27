"""Log output: short plain lines on stderr, and the progress of long Live backfills.

Every line is cut to `MAX_LINE` characters (an ellipsis marks the cut) and carries no colour
codes. On a terminal a long backfill shows a one-line `\\r` progress bar (redrawn below each log
line); otherwise it logs a plain INFO progress line every `Progress.every` seconds.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from typing import Any, TextIO

log = logging.getLogger("matomo_warehouse")

MAX_LINE = 199  # every log line is shorter than 200 characters
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
LONG_BACKFILL_DAYS = 7  # (site, day) units from which a read shows progress
_bar: Progress | None = None  # the bar on the terminal, if one is drawn


class ShortLineFormatter(logging.Formatter):
    """The usual format, each line (tracebacks included) cut to MAX_LINE characters."""

    def format(self, record: logging.LogRecord) -> str:
        return "\n".join(_cut(line) for line in super().format(record).splitlines())


def _cut(line: str) -> str:
    return line if len(line) <= MAX_LINE else line[: MAX_LINE - 1] + "…"


class _BarAwareHandler(logging.StreamHandler):
    """Clears a drawn progress bar before a log line and redraws it below."""

    def emit(self, record: logging.LogRecord) -> None:
        bar = _bar
        if bar is not None and bar.drawn:
            bar.clear()
        super().emit(record)
        if bar is not None and bar is _bar:
            bar.draw()


def configure(level: int, stream: TextIO | None = None) -> None:
    """Root logging: short lines on `stream` (stderr) at `level`; like `logging.basicConfig`,
    a no-op when the root logger already has handlers (e.g. under pytest)."""
    handler = _BarAwareHandler(stream or sys.stderr)
    handler.setFormatter(ShortLineFormatter(FORMAT, datefmt="%H:%M:%S"))
    logging.basicConfig(level=level, handlers=[handler])


@dataclass
class Progress:
    """Days read / total and visits of one run's Live read (every load of a chunked run)."""

    stream: TextIO | None = None  # None = sys.stderr at use time
    every: float = 30.0  # seconds between plain progress lines (not a terminal)
    total: int = 0
    done: int = 0
    visits: int = 0
    drawn: bool = False
    _last: float = field(default_factory=time.monotonic)

    @property
    def out(self) -> TextIO:
        return self.stream or sys.stderr

    def plan(self, remaining: int) -> None:
        """A load is about to read `remaining` (site, day) units."""
        self.total = self.done + remaining

    def day(self, visits: int) -> None:
        """One (site, day) unit read whole."""
        global _bar
        self.done += 1
        self.visits += visits
        if self.total < LONG_BACKFILL_DAYS:
            return
        if is_terminal(self.out):
            _bar = self
            self.draw()
        elif time.monotonic() - self._last >= self.every or self.done == self.total:
            self._last = time.monotonic()
            log.info("live progress: %s", self.text())

    def text(self) -> str:
        pct = 100 * self.done // max(self.total, 1)
        return f"{self.done}/{self.total} days ({pct}%), {self.visits:,} visits"

    def draw(self) -> None:
        filled = 30 * self.done // max(self.total, 1)
        self.out.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.text()}")
        self.out.flush()
        self.drawn = True

    def clear(self) -> None:
        """Blank the bar's line (spaces, no escape codes); the cursor goes back to column 0."""
        self.out.write("\r" + " " * (34 + len(self.text())) + "\r")
        self.out.flush()
        self.drawn = False

    def end(self) -> None:
        """The read stopped (load done or failed): leave the terminal line clean."""
        global _bar
        if self.drawn:
            self.clear()
        if _bar is self:
            _bar = None


def is_terminal(stream: Any) -> bool:
    """Whether `stream` is a terminal (False for pipes, files and closed or fake streams)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
