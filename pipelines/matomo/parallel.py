"""Run page producers concurrently while the consumer sees them strictly in order.

Each unit of work (a site's local day) is a generator of pages, run in a worker thread that
hands pages over through a small bounded queue. The consumer drains unit 0, then unit 1, ...
so state can advance day by day, and memory stays at about `workers x queue_pages` pages.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Generic, TypeVar

U = TypeVar("U")
P = TypeVar("P")

_DONE = object()
_THREAD_PREFIX = "matomo-fetch"


class _Run:
    """What the producers of one `ordered_pages` share: the stop flag and the first failure."""

    def __init__(self, on_error: Callable[[BaseException], None] | None) -> None:
        self.cancelled = threading.Event()
        self.error: BaseException | None = None
        self._on_error = on_error
        self._lock = threading.Lock()

    def fail(self, exc: BaseException) -> None:
        """The first failure stops every producer and is raised in the consumer at once."""
        with self._lock:
            if self.error is not None:
                return
            self.error = exc
            self.cancelled.set()
        if self._on_error is not None:
            self._on_error(exc)


class _Channel(Generic[P]):
    def __init__(self, size: int, run: _Run) -> None:
        self.queue: queue.Queue[object] = queue.Queue(maxsize=size)
        self.run = run

    def put(self, item: object) -> bool:
        while not self.run.cancelled.is_set():
            try:
                self.queue.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False


def _produce(produce: Callable[[U], Iterable[P]], unit: U, channel: _Channel[P]) -> None:
    if channel.run.cancelled.is_set():
        return
    try:
        for page in produce(unit):
            if not channel.put(page):
                return
        channel.put(_DONE)
    except BaseException as exc:  # raised in the consumer
        channel.run.fail(exc)


def ordered_pages(
    units: Iterable[U],
    produce: Callable[[U], Iterable[P]],
    workers: int,
    queue_pages: int = 2,
    on_error: Callable[[BaseException], None] | None = None,
) -> Iterator[tuple[U, Iterator[P]]]:
    """Yield (unit, pages) in the order of `units`; pages of later units are fetched meanwhile.

    The consumer must exhaust each unit's pages before asking for the next unit. The first
    exception in any producer stops the others (no new unit starts, running ones stop at their
    next page; `on_error(exc)` is called, e.g. to halt the HTTP client) and is raised in the
    consumer at once, whichever unit it is reading.
    """
    units = list(units)
    if workers <= 1:
        for unit in units:
            yield unit, iter(produce(unit))
        return
    run = _Run(on_error)
    channels = [_Channel[P](queue_pages, run) for _ in units]
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=_THREAD_PREFIX)
    try:
        for unit, channel in zip(units, channels, strict=True):
            pool.submit(_produce, produce, unit, channel)
        for unit, channel in zip(units, channels, strict=True):
            yield unit, _drain(channel)
    finally:
        run.cancelled.set()
        # after an interrupt the garbage collector may close this generator in one of the
        # pool's own threads, which cannot wait for itself (the workers stop on `cancelled`)
        own = threading.current_thread().name.startswith(_THREAD_PREFIX)
        pool.shutdown(wait=not own, cancel_futures=True)


def _drain(channel: _Channel[P]) -> Iterator[P]:
    while True:
        if channel.run.error is not None:
            raise channel.run.error
        try:
            item = channel.queue.get(timeout=0.1)
        except queue.Empty:
            continue
        if item is _DONE:
            return
        yield item  # type: ignore[misc]
