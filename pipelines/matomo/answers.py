"""How the client reads Matomo's answers: garbage bodies, transient errors, redirects,
Retry-After, and the short descriptions used in its one-line errors."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from . import settings

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


def classify_garbage(text: str, endpoint: str) -> tuple[str, bool]:
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


def transient_message(message: str) -> bool:
    lowered = message.lower()
    return any(marker in lowered for marker in _TRANSIENT_MESSAGES)


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]*>", "", text)


def bulk_where(requests_: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """idSite/period/date summary of a bulk call's sub-requests, for its error messages."""
    where: dict[str, Any] = {}
    for key in ("idSite", "period", "date"):
        values = sorted({str(r[key]) for r in requests_ if r.get(key) is not None})
        if values:
            if len(values) == 1:
                where[key] = values[0]
            else:  # dates as a range; sites and periods listed (day..week would hide month)
                where[key] = f"{values[0]}..{values[-1]}" if key == "date" else ",".join(values)
    return where


def describe(params: Mapping[str, Any]) -> str:
    """`key=value ...` of a call for debug logs (never holds token_auth: it is not in params)."""
    return " ".join(f"{k}={v}" for k, v in params.items() if k != "token_auth")


def retry_after_seconds(value: str | None) -> float | None:
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


def redirect_cause(endpoint: str, response: requests.Response) -> str:
    """A redirect is not followed (the token would go along): say where the URL points."""
    location = response.headers.get("Location")
    if not location:
        return f"HTTP {response.status_code} from {endpoint}; check sources.matomo.url"
    target = urlsplit(urljoin(endpoint, location))
    where = f"{target.scheme}://{target.netloc}{target.path}"
    return (
        f"{endpoint} redirects to {where} (HTTP {response.status_code}); set "
        "sources.matomo.url to it (redirects are not followed, so the token is not sent there)"
    )


def _snippet(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat[:limit] + ("..." if len(flat) > limit else "")


BROKEN_BODY = (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError)

# ConnectionError causes that happen after the connection was made (the URL is fine).
MID_REQUEST = ("connection reset", "closed without an answer")


def short_cause(exc: Exception) -> str:
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
