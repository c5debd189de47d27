"""HTTP client for Matomo's API: POST only, token in the body, retries, one error type."""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import requests

from . import settings

log = logging.getLogger(__name__)

JSON = Any


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
    ) -> None:
        self.cause = message
        self.method = method
        self.params = dict(params or {})
        self.transient = transient
        self.status = status
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


@dataclass(frozen=True)
class ClientConfig:
    """Transport settings; defaults from `settings`, overridable from `.dlt/config.toml`."""

    timeout_s: float = settings.DEFAULT_TIMEOUT_S
    max_retries: int = settings.DEFAULT_MAX_RETRIES
    backoff_base_s: float = settings.DEFAULT_BACKOFF_BASE_S
    backoff_max_s: float = settings.DEFAULT_BACKOFF_MAX_S
    max_requests_per_second: float = 0.0  # 0 = no client-side rate limit


class _RateLimiter:
    """Spaces requests at least 1/rate seconds apart across threads (0 = off)."""

    def __init__(self, rate: float) -> None:
        self._interval = 1.0 / rate if rate > 0 else 0.0
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        if not self._interval:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next)
            self._next = slot + self._interval
        if slot > now:
            time.sleep(slot - now)


def api_endpoint(url: str) -> str:
    """`https://host/matomo/` or `.../index.php` -> the `index.php` endpoint."""
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise MatomoError(f"url {url!r} is not an http(s) URL; set sources.matomo.url")
    base = url.split("?", 1)[0]
    if base.endswith("index.php"):
        return base
    return base.rstrip("/") + "/index.php"


def matomo_error_message(body: JSON) -> str | None:
    """Matomo's error text if `body` is its `{"result": "error"}` object, else None."""
    if isinstance(body, dict) and body.get("result") == "error":
        return str(body.get("message") or "unknown error")
    return None


class MatomoClient:
    """Calls `index.php?module=API` by POST; `token_auth` travels only in the form body."""

    def __init__(self, url: str, token: str, config: ClientConfig | None = None) -> None:
        if not token or not token.strip():
            raise MatomoError(
                "no API token configured; set sources.matomo.api_token in .dlt/secrets.toml "
                "or SOURCES__MATOMO__API_TOKEN"
            )
        self.endpoint = api_endpoint(url)
        self._token = token.strip()
        self.config = config or ClientConfig()
        self._limiter = _RateLimiter(self.config.max_requests_per_second)
        self._local = threading.local()

    def __repr__(self) -> str:  # never show the token
        return f"MatomoClient({self.endpoint!r})"

    @property
    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["User-Agent"] = settings.USER_AGENT
            self._local.session = session
        return session

    def call(self, method: str, params: Mapping[str, Any] | None = None) -> JSON:
        """One API call; raises MatomoError for transport failures and Matomo errors."""
        params = {k: v for k, v in (params or {}).items() if v is not None}
        body = self._request(method, params)
        message = matomo_error_message(body)
        if message is not None:
            raise MatomoError(message, method=method, params=params)
        return body

    def bulk(self, requests_: Sequence[Mapping[str, Any]]) -> list[JSON | MatomoError]:
        """API.getBulkRequest: one result per sub-request; failed ones come back as MatomoError."""
        if not requests_:
            return []
        form = {
            f"urls[{i}]": urlencode({k: v for k, v in r.items() if v is not None})
            for i, r in enumerate(requests_)
        }
        body = self._request("API.getBulkRequest", form)
        message = matomo_error_message(body)
        if message is not None:
            raise MatomoError(message, method="API.getBulkRequest")
        if not isinstance(body, list) or len(body) != len(requests_):
            raise MatomoError(
                f"bulk answer has {len(body) if isinstance(body, list) else 'no'} results "
                f"for {len(requests_)} requests",
                method="API.getBulkRequest",
                transient=True,
            )
        out: list[JSON | MatomoError] = []
        for sub, result in zip(requests_, body, strict=True):
            message = matomo_error_message(result)
            if message is None:
                out.append(result)
            else:
                out.append(MatomoError(message, method=str(sub.get("method")), params=sub))
        return out

    # -- transport ---------------------------------------------------------------------------

    def _request(self, method: str, params: Mapping[str, Any]) -> JSON:
        attempt = 0
        while True:
            try:
                return self._attempt(method, params)
            except MatomoError as err:
                if not err.transient or attempt >= self.config.max_retries:
                    raise
                delay = getattr(err, "retry_after", None) or self._backoff(attempt)
                attempt += 1
                log.warning(
                    "%s (attempt %d/%d, retrying in %.1fs)",
                    err,
                    attempt,
                    self.config.max_retries,
                    delay,
                )
                time.sleep(delay)

    def _backoff(self, attempt: int) -> float:
        cap = min(self.config.backoff_max_s, self.config.backoff_base_s * 2**attempt)
        return random.uniform(cap / 2, cap)

    def _attempt(self, method: str, params: Mapping[str, Any]) -> JSON:
        self._limiter.wait()
        query = {"module": "API", "method": method, "format": "json"}
        form = {**params, "token_auth": self._token}
        try:
            response = self._session.post(
                self.endpoint, params=query, data=form, timeout=self.config.timeout_s
            )
        except requests.Timeout:
            raise MatomoError(
                f"no answer within {self.config.timeout_s:g}s (timeout)",
                method=method,
                params=params,
                transient=True,
            ) from None
        except requests.ConnectionError as exc:
            raise MatomoError(
                f"cannot connect to {self.endpoint} ({_short(exc)}); check sources.matomo.url",
                method=method,
                params=params,
                transient=True,
            ) from None
        return self._decode(method, params, response)

    def _decode(self, method: str, params: Mapping[str, Any], response: requests.Response) -> JSON:
        status = response.status_code
        text = response.text
        if status in settings.TRANSIENT_HTTP_STATUSES:
            err = MatomoError(
                f"HTTP {status} from {self.endpoint}",
                method=method,
                params=params,
                transient=True,
                status=status,
            )
            err.retry_after = _retry_after(response.headers.get("Retry-After"))  # type: ignore[attr-defined]
            raise err
        try:
            body = json.loads(text) if text.strip() else None
        except ValueError:
            body = None
        if status in (401, 403):
            message = matomo_error_message(body) or f"HTTP {status}"
            raise MatomoError(
                f"{message} (HTTP {status}); check sources.matomo.api_token and that the token "
                "has view access",
                method=method,
                params=params,
                status=status,
            )
        if status >= 400:
            raise MatomoError(
                f"HTTP {status} from {self.endpoint}; check sources.matomo.url",
                method=method,
                params=params,
                status=status,
            )
        if body is None:
            what = "an empty body" if not text.strip() else f"non-JSON ({_snippet(text)})"
            raise MatomoError(
                f"answered {what}; is {self.endpoint} a Matomo server?",
                method=method,
                params=params,
                transient=True,
                status=status,
            )
        return body


def _retry_after(value: str | None) -> float | None:
    try:
        return min(max(float(value), 0.0), settings.DEFAULT_BACKOFF_MAX_S) if value else None
    except ValueError:
        return None


def _snippet(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat[:limit] + ("..." if len(flat) > limit else "")


def _short(exc: Exception) -> str:
    text = str(exc)
    for marker in ("Connection refused", "Name or service not known", "Failed to resolve",
                   "Connection reset", "timed out"):
        if marker in text:
            return marker
    return type(exc).__name__


def make_client(
    url: str,
    api_token: str,
    request_timeout: float = settings.DEFAULT_TIMEOUT_S,
    max_retries: int = settings.DEFAULT_MAX_RETRIES,
    backoff_base: float = settings.DEFAULT_BACKOFF_BASE_S,
    max_requests_per_second: float = 0.0,
) -> MatomoClient:
    """A client from the `[sources.matomo]` settings the sources receive."""
    config = ClientConfig(
        timeout_s=float(request_timeout),
        max_retries=int(max_retries),
        backoff_base_s=float(backoff_base),
        max_requests_per_second=float(max_requests_per_second),
    )
    return MatomoClient(url, api_token, config)
