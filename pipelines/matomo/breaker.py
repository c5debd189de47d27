"""Circuit breaker: a source stops calling Matomo after N consecutive calls that failed the
same way (after their retries), or at once when the source says so (`halt`)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .matomo_errors import MatomoError


def failure_kind(err: MatomoError) -> tuple[str, str]:
    """What makes two failures "the same": the API method and the HTTP status, or for
    transport failures and garbage answers the first words of the cause."""
    cause = str(err.status) if err.status else " ".join(err.cause.split()[:2])
    return (err.method or "", cause)


class Breaker:
    """Shared by the threads of one client. `limit` = 0 turns the counting off."""

    def __init__(self, limit: int) -> None:
        self.limit = max(0, int(limit))
        self.halted = threading.Event()
        self.streak: list[MatomoError] = []  # consecutive final failures of one kind
        self.reason: MatomoError | None = None  # the failure that stopped the source
        self._lock = threading.Lock()

    def succeeded(self) -> None:
        with self._lock:
            self.streak.clear()

    def failed(self, err: MatomoError) -> None:
        """A call gave up with a transient failure; N of the same kind in a row trip it."""
        with self._lock:
            if self.halted.is_set():
                return
            if self.streak and failure_kind(self.streak[-1]) != failure_kind(err):
                self.streak.clear()
            self.streak.append(err)
            if self.limit and len(self.streak) >= self.limit:
                self.reason = err
                self.halted.set()

    def halt(self, err: BaseException | None = None) -> None:
        """Stop every later call of this client (the source failed anyway)."""
        with self._lock:
            if self.reason is None and err is not None and hasattr(err, "cause"):
                self.reason = err  # type: ignore[assignment]
            self.halted.set()

    @property
    def tripped(self) -> bool:
        """True when N consecutive failures stopped the source (not a `halt`)."""
        return bool(self.limit) and len(self.streak) >= self.limit

    def summary(self, source: str, not_attempted: str) -> str:
        """The one line of a tripped breaker: what failed, what was skipped, what to do."""
        last = self.reason or (self.streak[-1] if self.streak else None)
        cause = "unknown failure"
        if last is not None:
            cause = " ".join(last.cause.split(" (gave up")[0].split())
            if last.method:
                cause += f" on {last.method}"
        return (
            f"stopped {source} after {len(self.streak)} consecutive failures ({cause}); "
            f"{not_attempted} not attempted; re-run when Matomo is healthy"
        )
