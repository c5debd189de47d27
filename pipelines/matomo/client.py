"""HTTP client for Matomo's API: POST only, token in the body, retries, one error type."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
import random
import re
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import requests

from pipelines.errors import missing_config

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
            raise MatomoError(missing_config("api_token"))
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
        where = _bulk_where(requests_)
        body = self._request("API.getBulkRequest", form, where)
        message = matomo_error_message(body)
        if message is not None:
            raise MatomoError(
                message,
                method="API.getBulkRequest",
                params=where,
                transient=_transient_message(message),
            )
        if not isinstance(body, list) or len(body) != len(requests_):
            raise MatomoError(
                f"bulk answer has {len(body) if isinstance(body, list) else 'no'} results "
                f"for {len(requests_)} requests",
                method="API.getBulkRequest",
                params=where,
                transient=True,
            )
        out: list[JSON | MatomoError] = []
        for sub, result in zip(requests_, body, strict=True):
            message = matomo_error_message(result)
            if message is None:
                out.append(result)
            else:
                out.append(
                    MatomoError(
                        message,
                        method=str(sub.get("method")),
                        params=sub,
                        transient=_transient_message(message),
                    )
                )
        return out

    # -- transport ---------------------------------------------------------------------------

    def _request(
        self, method: str, params: Mapping[str, Any], where: Mapping[str, Any] | None = None
    ) -> JSON:
        """POST with retries: transient failures are retried up to `max_retries` times with
        exponential backoff and full jitter (or the server's Retry-After); the last failure,
        or the first non-transient one, is raised. `where` names the call in errors (default:
        `params`)."""
        attempt = 0
        while True:
            try:
                return self._attempt(method, params, params if where is None else where)
            except MatomoError as err:
                if not err.transient or attempt >= self.config.max_retries:
                    if err.transient and self.config.max_retries:
                        raise MatomoError(
                            f"{err.cause} (gave up after {attempt + 1} attempts)",
                            method=err.method,
                            params=err.params,
                            transient=True,
                            status=err.status,
                        ) from None
                    raise
                delay = err.retry_after if err.retry_after is not None else self._backoff(attempt)
                attempt += 1
                log.warning(
                    "%s (attempt %d/%d, retrying in %.1fs)",
                    err,
                    attempt,
                    self.config.max_retries + 1,
                    delay,
                )
                time.sleep(delay)

    def _backoff(self, attempt: int) -> float:
        """Exponential backoff with jitter: uniform in [cap/2, cap], cap = base * 2^attempt."""
        cap = min(self.config.backoff_max_s, self.config.backoff_base_s * 2**attempt)
        return random.uniform(cap / 2, cap)

    def _attempt(self, method: str, params: Mapping[str, Any], where: Mapping[str, Any]) -> JSON:
        self._limiter.wait()
        query = {"module": "API", "method": method, "format": "json"}
        form = {**params, "token_auth": self._token}
        log.debug("POST %s %s %s", self.endpoint, method, _describe(where))
        try:
            response = self._session.post(
                self.endpoint, params=query, data=form, timeout=self.config.timeout_s
            )
        except requests.Timeout:
            raise MatomoError(
                f"no answer within {self.config.timeout_s:g}s (timeout; raise "
                "sources.matomo.request_timeout if the server is just slow)",
                method=method,
                params=where,
                transient=True,
            ) from None
        except requests.ConnectionError as exc:
            cause = _short(exc)
            hint = "" if cause in _MID_REQUEST else "; check sources.matomo.url"
            raise MatomoError(
                f"connection to {self.endpoint} failed ({cause}){hint}",
                method=method,
                params=where,
                transient=True,
            ) from None
        except requests.RequestException as exc:  # broken chunked body, bad URL, ...
            transient = isinstance(exc, _BROKEN_BODY)
            raise MatomoError(
                f"request to {self.endpoint} failed ({type(exc).__name__})",
                method=method,
                params=where,
                transient=transient,
            ) from None
        return self._decode(method, where, response)

    def _decode(self, method: str, params: Mapping[str, Any], response: requests.Response) -> JSON:
        status = response.status_code
        text = response.text
        if status in settings.TRANSIENT_HTTP_STATUSES:
            raise MatomoError(
                f"HTTP {status} from {self.endpoint}",
                method=method,
                params=params,
                transient=True,
                status=status,
                retry_after=_retry_after(response.headers.get("Retry-After")),
            )
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
            cause, transient = _classify_garbage(text, self.endpoint)
            raise MatomoError(
                cause, method=method, params=params, transient=transient, status=status
            )
        message = matomo_error_message(body)
        if message is not None and _transient_message(message):
            raise MatomoError(message, method=method, params=params, transient=True)
        return body


# A Matomo that answers 200 with something other than JSON:
#  - an empty body: PHP died before writing (or a proxy dropped the body) -> retried;
#  - cut-off JSON (starts like JSON, does not parse): the connection or PHP died mid-answer
#    -> retried;
#  - a PHP error page ("Fatal error: Allowed memory size ...", "Maximum execution time"):
#    retried, as overload, deploys and database hiccups are the usual causes; when it is
#    deterministic (memory_limit too low for the request) the retries are bounded by
#    max_retries and the final message says what the page said;
#  - anything else (an HTML page without PHP error markers, a login or parking page): the URL
#    does not point at Matomo's API, so retrying cannot help -> fails at once.
_PHP_ERROR_MARKERS = (
    "fatal error",
    "parse error",
    "allowed memory size",
    "maximum execution time",
    "<b>warning</b>",
    "uncaught exception",
)
# Matomo error messages ({"result":"error"}) that come from a momentarily sick database.
_TRANSIENT_MESSAGES = (
    "deadlock",
    "lock wait timeout",
    "server has gone away",
    "too many connections",
    "try again later",
)


def _classify_garbage(text: str, endpoint: str) -> tuple[str, bool]:
    stripped = text.strip()
    if not stripped:
        return "answered HTTP 200 with an empty body (PHP crash or proxy?)", True
    if stripped[0] in "[{":
        return f"answered cut-off JSON ({len(text)} bytes; connection or PHP died mid-answer)", True
    lowered = stripped.lower()
    if any(marker in lowered for marker in _PHP_ERROR_MARKERS):
        return f"answered a PHP error page ({_snippet(_strip_tags(stripped))})", True
    return (
        f"answered non-JSON ({_snippet(_strip_tags(stripped))}); is {endpoint} a Matomo "
        "server? check sources.matomo.url",
        False,
    )


def _transient_message(message: str) -> bool:
    lowered = message.lower()
    return any(marker in lowered for marker in _TRANSIENT_MESSAGES)


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]*>", "", text)


def _bulk_where(requests_: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """idSite/period/date summary of a bulk call's sub-requests, for its error messages."""
    where: dict[str, Any] = {}
    for key in ("idSite", "period", "date"):
        values = sorted({str(r[key]) for r in requests_ if r.get(key) is not None})
        if values:
            where[key] = values[0] if len(values) == 1 else f"{values[0]}..{values[-1]}"
    return where


def _describe(params: Mapping[str, Any]) -> str:
    """`key=value ...` of a call for debug logs (never holds token_auth: it is not in params)."""
    return " ".join(f"{k}={v}" for k, v in params.items() if k != "token_auth")


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds (delta-seconds or an HTTP date), capped at the backoff maximum."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        seconds = (when - dt.datetime.now(dt.UTC)).total_seconds()
    return min(max(seconds, 0.0), settings.DEFAULT_BACKOFF_MAX_S)


def _snippet(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat[:limit] + ("..." if len(flat) > limit else "")


_BROKEN_BODY = (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError)

# ConnectionError causes that happen after the connection was made (the URL is fine).
_MID_REQUEST = ("connection reset", "closed without an answer")


def _short(exc: Exception) -> str:
    text = str(exc)
    for marker, name in (
        ("Connection refused", "connection refused"),
        ("Name or service not known", "DNS lookup failed"),
        ("Temporary failure in name resolution", "DNS lookup failed"),
        ("nodename nor servname", "DNS lookup failed"),
        ("Failed to resolve", "DNS lookup failed"),
        ("Connection reset", "connection reset"),
        ("Remote end closed connection", "closed without an answer"),
        ("RemoteDisconnected", "closed without an answer"),
        ("timed out", "connect timed out"),
        ("CERTIFICATE_VERIFY_FAILED", "TLS certificate not trusted"),
    ):
        if marker in text:
            return name
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
