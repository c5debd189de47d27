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

from pipelines.errors import missing_config

from . import settings
from .answers import (
    BROKEN_BODY,
    MID_REQUEST,
    bulk_where,
    classify_garbage,
    describe,
    redirect_cause,
    retry_after_seconds,
    short_cause,
    transient_message,
)
from .breaker import Breaker
from .matomo_errors import Halted, MatomoError

__all__ = ["ClientConfig", "Halted", "MatomoClient", "MatomoError", "make_client"]

log = logging.getLogger(__name__)

JSON = Any


@dataclass(frozen=True)
class ClientConfig:
    """Transport settings; defaults from `settings`, overridable from `.dlt/config.toml`."""

    timeout_s: float = settings.DEFAULT_TIMEOUT_S
    max_retries: int = settings.DEFAULT_MAX_RETRIES
    backoff_base_s: float = settings.DEFAULT_BACKOFF_BASE_S
    backoff_max_s: float = settings.DEFAULT_BACKOFF_MAX_S
    max_requests_per_second: float = 0.0  # 0 = no client-side rate limit
    max_consecutive_failures: int = settings.DEFAULT_MAX_CONSECUTIVE_FAILURES  # 0 = no breaker


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
        self.breaker = Breaker(self.config.max_consecutive_failures)

    @property
    def halted(self) -> bool:
        """True once the breaker tripped or `halt` was called: every later call raises Halted."""
        return self.breaker.halted.is_set()

    def halt(self, err: BaseException | None = None) -> None:
        """Stop this client's calls at once, also those waiting to retry (other threads)."""
        self.breaker.halt(err)

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
        where = bulk_where(requests_)
        body = self._request("API.getBulkRequest", form, where)
        message = matomo_error_message(body)
        if message is not None:
            raise MatomoError(
                message,
                method="API.getBulkRequest",
                params=where,
                transient=transient_message(message),
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
                        transient=transient_message(message),
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
            if self.halted:
                raise Halted()
            try:
                body = self._attempt(method, params, params if where is None else where)
            except MatomoError as err:
                if not err.transient or attempt >= self.config.max_retries:
                    raise self._gave_up(err, attempt) from None
                delay = err.retry_after if err.retry_after is not None else self._backoff(attempt)
                attempt += 1
                log.warning(
                    "%s (attempt %d/%d, retrying in %.1fs)",
                    err,
                    attempt,
                    self.config.max_retries + 1,
                    delay,
                )
                _sleep(delay, self.breaker.halted)
                continue
            self.breaker.succeeded()
            return body

    def _gave_up(self, err: MatomoError, attempt: int) -> MatomoError:
        """The error a call ends with; a transient one counts towards the circuit breaker."""
        if not err.transient:
            return err
        if self.config.max_retries:
            err = MatomoError(
                f"{err.cause} (gave up after {attempt + 1} attempts)",
                method=err.method,
                params=err.params,
                transient=True,
                status=err.status,
            )
        self.breaker.failed(err)
        return err

    def _backoff(self, attempt: int) -> float:
        """Exponential backoff with jitter: uniform in [cap/2, cap], cap = base * 2^attempt."""
        cap = min(self.config.backoff_max_s, self.config.backoff_base_s * 2**attempt)
        return random.uniform(cap / 2, cap)

    def _attempt(self, method: str, params: Mapping[str, Any], where: Mapping[str, Any]) -> JSON:
        self._limiter.wait()
        query = {"module": "API", "method": method, "format": "json"}
        form = {**params, "token_auth": self._token}
        log.debug("POST %s %s %s", self.endpoint, method, describe(where))
        try:
            response = self._session.post(
                self.endpoint,
                params=query,
                data=form,
                timeout=self.config.timeout_s,
                allow_redirects=False,  # never carry the token to wherever a redirect points
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
            cause = short_cause(exc)
            hint = "" if cause in MID_REQUEST else "; check sources.matomo.url"
            raise MatomoError(
                f"connection to {self.endpoint} failed ({cause}){hint}",
                method=method,
                params=where,
                transient=True,
            ) from None
        except requests.RequestException as exc:  # broken chunked body, bad URL, ...
            transient = isinstance(exc, BROKEN_BODY)
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
        try:
            body = json.loads(text) if text.strip() else None
        except ValueError:
            body = None
        failure = self._http_failure(response, body)
        if failure is not None:
            cause, transient = failure
            retry_after = None
            if status in settings.TRANSIENT_HTTP_STATUSES:
                retry_after = retry_after_seconds(response.headers.get("Retry-After"))
            raise MatomoError(
                cause, method=method, params=params, transient=transient, status=status,
                retry_after=retry_after,
            )  # fmt: skip
        message = matomo_error_message(body)
        if message is not None and transient_message(message):
            raise MatomoError(message, method=method, params=params, transient=True)
        return body

    def _http_failure(self, response: requests.Response, body: JSON) -> tuple[str, bool] | None:
        """(cause, transient) when the answer is not a Matomo answer to use; None when it is."""
        status = response.status_code
        if 300 <= status < 400:
            return redirect_cause(self.endpoint, response), False
        if status in settings.TRANSIENT_HTTP_STATUSES:
            return f"HTTP {status} from {self.endpoint}", True
        if status in (401, 403):
            message = matomo_error_message(body) or f"HTTP {status}"
            return (
                f"{message} (HTTP {status}); check sources.matomo.api_token and that the token "
                "has view access"
            ), False
        if status >= 400:
            return f"HTTP {status} from {self.endpoint}; check sources.matomo.url", False
        if body is None:
            return classify_garbage(response.text, self.endpoint)
        return None


def _sleep(seconds: float, halted: threading.Event) -> None:
    """Wait before a retry; cut short when the client is halted meanwhile."""
    halted.wait(seconds)


def make_client(
    url: str,
    api_token: str,
    request_timeout: float = settings.DEFAULT_TIMEOUT_S,
    max_retries: int = settings.DEFAULT_MAX_RETRIES,
    backoff_base: float = settings.DEFAULT_BACKOFF_BASE_S,
    max_requests_per_second: float = 0.0,
    max_consecutive_failures: int = settings.DEFAULT_MAX_CONSECUTIVE_FAILURES,
) -> MatomoClient:
    """A client from the `[sources.matomo]` settings the sources receive."""
    config = ClientConfig(
        timeout_s=float(request_timeout),
        max_retries=int(max_retries),
        backoff_base_s=float(backoff_base),
        max_requests_per_second=float(max_requests_per_second),
        max_consecutive_failures=int(max_consecutive_failures),
    )
    return MatomoClient(url, api_token, config)
