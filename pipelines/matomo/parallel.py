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


class _Channel(Generic[P]):
    def __init__(self, size: int, cancelled: threading.Event) -> None:
        self.queue: queue.Queue[object] = queue.Queue(maxsize=size)
        self.cancelled = cancelled

    def put(self, item: object) -> bool:
        while not self.cancelled.is_set():
            try:
                self.queue.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False


def _produce(produce: Callable[[U], Iterable[P]], unit: U, channel: _Channel[P]) -> None:
    try:
        for page in produce(unit):
            if not channel.put(page):
                return
        channel.put(_DONE)
    except BaseException as exc:  # handed to the consumer, which re-raises it
        channel.put(exc)


def ordered_pages(
    units: Iterable[U],
    produce: Callable[[U], Iterable[P]],
    workers: int,
    queue_pages: int = 2,
) -> Iterator[tuple[U, Iterator[P]]]:
    """Yield (unit, pages) in the order of `units`; pages of later units are fetched meanwhile.

    The consumer must exhaust each unit's pages before asking for the next unit. An exception
    in a producer is raised in the consumer when it reaches that unit.
    """
    units = list(units)
    if workers <= 1:
        for unit in units:
            yield unit, iter(produce(unit))
        return
    cancelled = threading.Event()
    channels = [_Channel[P](queue_pages, cancelled) for _ in units]
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="matomo-fetch")
    try:
        for unit, channel in zip(units, channels, strict=True):
            pool.submit(_produce, produce, unit, channel)
        for unit, channel in zip(units, channels, strict=True):
            yield unit, _drain(channel)
    finally:
        cancelled.set()
        pool.shutdown(wait=True, cancel_futures=True)


def _drain(channel: _Channel[P]) -> Iterator[P]:
    while True:
        item = channel.queue.get()
        if item is _DONE:
            return
        if isinstance(item, BaseException):
            raise item
        yield item  # type: ignore[misc]
