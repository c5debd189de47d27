"""What the recording server puts on the wire: error pages, access-log entries, answers."""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlencode

HTML_CONTENT_TYPE = "text/html; charset=UTF-8"
_REASONS = {
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Temporarily Unavailable",
    504: "Gateway Time-out",
}
PHP_FATAL_PAGE = (
    "<br />\n<b>Fatal error</b>:  Allowed memory size of 134217728 bytes exhausted "
    "(tried to allocate 20480 bytes) in <b>/var/www/html/core/DataTable/Row.php</b> "
    "on line <b>112</b><br />\n"
)


def html_error_page(status: int) -> bytes:
    title = f"{status} {_REASONS.get(status, 'Error')}"
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    ).encode()


def redacted_query(query: str) -> str:
    if "token_auth" not in query:
        return query
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(k, "REDACTED" if k == "token_auth" else v) for k, v in pairs])


def new_entry(http_method: str, path: str, query: str) -> dict[str, Any]:
    """An access-log entry; `status`, `api_method`, `fault` and `source` are filled in later."""
    return {
        "time": time.time(),
        "http_method": http_method,
        "path": path,
        "query": redacted_query(query),
        "status": None,
        "api_method": "",
        "fault": None,
        "source": None,
    }


def send(
    h: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    content_type: str,
    headers: dict[str, str] | None = None,
) -> None:
    """Send one answer with its Content-Length; a client that went away closes the
    connection."""
    try:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            h.send_header(name, value)
        h.end_headers()
        h.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):  # the client went away
        h.close_connection = True
