"""The one error type of Matomo calls (`MatomoError`) and the halt of a stopped client."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class MatomoError(Exception):
    """A Matomo call failed: one line that names the call, the cause and what to do.

    `transient` is True when retrying later may succeed (timeouts, 5xx, 429, garbage bodies).
    """

    def __init__(
        self,
        message: str,
        *,
        method: str | None = None,
        params: Mapping[str, Any] | None = None,
        transient: bool = False,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.cause = message
        self.method = method
        self.params = dict(params or {})
        self.transient = transient
        self.status = status
        self.retry_after = retry_after  # seconds the server asked us to wait (Retry-After)
        super().__init__(self._line())

    def _line(self) -> str:
        where = []
        if self.method:
            where.append(self.method)
        for key, name in (("idSite", "site"), ("period", "period"), ("date", "date")):
            if key in self.params:
                where.append(f"{name}={self.params[key]}")
        prefix = f"Matomo {' '.join(where)}: " if where else "Matomo: "
        return prefix + " ".join(self.cause.split())

    @property
    def fatal(self) -> bool:
        """Stops the whole run: a redirect (wrong URL), HTTP 401/403 (token), a halted client."""
        return self.status is not None and (300 <= self.status < 400 or self.status in (401, 403))


class Halted(MatomoError):
    """The client was stopped (circuit breaker, or its source failed): no request was sent."""

    def __init__(self, not_attempted: int = 0) -> None:
        super().__init__("stopped: an earlier failure ended this source's calls")
        self.not_attempted = not_attempted  # requests of the current site left out

    @property
    def fatal(self) -> bool:
        return True
