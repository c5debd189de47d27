"""A local fake Matomo over HTTP that replays a recording, with fault injection.

    with RecordingServer(bundled_recording_dir(), faults=["http_503:times=2"]) as server:
        requests.post(server.url + "index.php", params={...}, data={"token_auth": server.token})

It answers `POST` (and `GET`) on `/` and `/index.php`; params come from the query string and
the form-encoded body (the body wins on conflicts). `token_auth` is only accepted in the
body: in the URL it is refused with HTTP 400.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from .dispatch import JSON_CONTENT_TYPE, Answer, Dispatcher
from .emulation import error_json
from .faults import BULK_METHOD, Fault, FaultPlan
from .recording import Recording, load_recording

log = logging.getLogger(__name__)

API_PATHS = ("/", "/index.php")
HTML_CONTENT_TYPE = "text/html; charset=UTF-8"
TOKEN_IN_URL_MESSAGE = "token_auth must be sent in the POST body, not in the URL"
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


def _html_error_page(status: int) -> bytes:
    title = f"{status} {_REASONS.get(status, 'Error')}"
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    ).encode()


def _redacted_query(query: str) -> str:
    if "token_auth" not in query:
        return query
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(k, "REDACTED" if k == "token_auth" else v) for k, v in pairs])


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], app: RecordingServer) -> None:
        self.app = app
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Log (never print) errors that escaped a handler."""
        log.debug("error while serving %s", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: benchmarks reuse connections
    server_version = "MatomoRecording/1.0"
    timeout = 60  # idle keep-alive connections do not pin a thread forever
    disable_nagle_algorithm = True  # TCP_NODELAY: no 40 ms delayed-ACK stall per answer
    server: _HTTPServer

    def do_POST(self) -> None:
        self.server.app._handle_safely(self)

    def do_GET(self) -> None:
        self.server.app._handle_safely(self)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)


class RecordingServer:
    """Serve a recording on `host:port` (port 0 = a free port) in a daemon thread.

    `recording_dir` may also be an already loaded `Recording` (to share one between servers).
    `prefer_emulation=True` answers Live.getLastVisitsDetails from the emulator even when the
    exact call was recorded (to test the emulator against the recording).
    """

    def __init__(
        self,
        recording_dir: str | Path | Recording,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        token: str = "recording-token",
        faults: Iterable[Fault | str] = (),
        latency_s: float = 0.0,
        prefer_emulation: bool = False,
    ) -> None:
        if isinstance(recording_dir, Recording):
            self.recording = recording_dir
        else:
            self.recording = load_recording(recording_dir)
        self.host = host
        self.port = port
        self.token = token
        self.latency_s = max(0.0, float(latency_s))
        self.fault_plan = FaultPlan(faults)
        self.dispatcher = Dispatcher(self.recording, prefer_emulation=prefer_emulation)
        self.access_log: list[dict[str, Any]] = []
        self._counts: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> RecordingServer:
        if self._httpd is not None:
            return self
        httpd = _HTTPServer((self.host, self.port), self)
        self.port = int(httpd.server_address[1])
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"recording-server-{self.port}",
            daemon=True,
        )
        self._thread.start()
        log.debug("recording server listening on %s", self.url)
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> RecordingServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def faults(self) -> tuple[Fault, ...]:
        return self.fault_plan.faults

    # -- statistics -----------------------------------------------------------------------

    def request_counts(self) -> dict[str, int]:
        """HTTP requests per API method so far ('' for requests without a method)."""
        with self._lock:
            return dict(self._counts)

    def total_requests(self) -> int:
        with self._lock:
            return sum(self._counts.values())

    def reset_stats(self) -> None:
        with self._lock:
            self._counts.clear()
            self.access_log.clear()

    def _record(self, entry: dict[str, Any]) -> None:
        with self._lock:
            self._counts[entry["api_method"]] += 1
            self.access_log.append(entry)

    # -- request handling -----------------------------------------------------------------

    def _handle_safely(self, h: _Handler) -> None:
        try:
            self._handle(h)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            h.close_connection = True
        except Exception:  # a bug here must not kill the thread silently
            log.exception("recording server failed on %s %s", h.command, h.path.split("?")[0])
            h.close_connection = True
            with contextlib.suppress(OSError):
                self._send(h, 500, error_json("recording server error").encode(), JSON_CONTENT_TYPE)

    def _handle(self, h: _Handler) -> None:
        split = urlsplit(h.path)
        entry: dict[str, Any] = {
            "time": time.time(),
            "http_method": h.command,
            "path": split.path,
            "query": _redacted_query(split.query),
            "status": None,
            "api_method": "",
            "fault": None,
            "source": None,
        }
        try:
            length = int(h.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or "chunked" in (h.headers.get("Transfer-Encoding") or "").lower():
            h.close_connection = True
            entry["status"] = 411
            self._record(entry)
            self._send(h, 411, b"Length Required", "text/plain; charset=utf-8")
            return
        raw_body = h.rfile.read(length) if length > 0 else b""
        if split.path not in API_PATHS:
            entry["status"] = 404
            self._record(entry)
            self._send(h, 404, b"Not Found", "text/plain; charset=utf-8")
            return
        query_params = dict(parse_qsl(split.query, keep_blank_values=True))
        body_params = dict(parse_qsl(raw_body.decode("utf-8", "replace"), keep_blank_values=True))
        params = {**query_params, **body_params}  # like PHP's $_REQUEST (POST wins)
        api_method = params.get("method", "")
        entry["api_method"] = api_method

        if self.latency_s:
            time.sleep(self.latency_s)
        sub_methods: list[str] = []
        if api_method == BULK_METHOD and self.fault_plan.has_bulk_faults:
            sub_methods = [
                dict(parse_qsl(v, keep_blank_values=True)).get("method", "")
                for k, v in sorted(params.items())
                if k.startswith("urls[")
            ]
        fired = self.fault_plan.pick(api_method, sub_methods)
        fail_sub_glob: str | None = None
        truncated = False
        for fault in fired:
            entry["fault"] = fault.kind
            if fault.kind == "slow":
                time.sleep(fault.seconds)
            elif fault.kind == "bulk_sub_error":
                fail_sub_glob = fault.method
            elif fault.kind == "truncated":
                truncated = True
            elif self._answer_fault(h, fault, entry):
                return

        if "token_auth" in query_params:
            entry["status"] = 400
            entry["source"] = "token-in-url"
            self._record(entry)
            self._send(h, 400, error_json(TOKEN_IN_URL_MESSAGE).encode(), JSON_CONTENT_TYPE)
            return
        token = body_params.get("token_auth", "")
        if not token:
            auth = "none"
        elif hmac.compare_digest(token.encode(), self.token.encode()):
            auth = "valid"
        else:
            auth = "invalid"
        answer: Answer = self.dispatcher.answer(params, auth, fail_sub_glob=fail_sub_glob)
        body = answer.body[: len(answer.body) // 2] if truncated else answer.body
        entry["status"] = answer.status
        entry["source"] = answer.source
        self._record(entry)
        self._send(h, answer.status, body, answer.content_type)

    def _answer_fault(self, h: _Handler, fault: Fault, entry: dict[str, Any]) -> bool:
        """Send the faulty answer; True when the request is done."""
        if fault.kind == "reset":
            self._record(entry)
            sock = h.connection
            with contextlib.suppress(OSError):  # SO_LINGER 0: close sends a RST, not a FIN
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            h.close_connection = True
            sock.close()
            return True
        if fault.status is not None:
            entry["status"] = fault.status
            self._record(entry)
            headers = {"Retry-After": str(fault.retry_after)} if fault.status == 429 else {}
            self._send(h, fault.status, _html_error_page(fault.status), HTML_CONTENT_TYPE, headers)
            return True
        if fault.kind == "html_200":
            entry["status"] = 200
            self._record(entry)
            self._send(h, 200, PHP_FATAL_PAGE.encode(), HTML_CONTENT_TYPE)
            return True
        if fault.kind == "empty":
            entry["status"] = 200
            self._record(entry)
            self._send(h, 200, b"", JSON_CONTENT_TYPE)
            return True
        return False

    @staticmethod
    def _send(
        h: _Handler,
        status: int,
        body: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
    ) -> None:
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
