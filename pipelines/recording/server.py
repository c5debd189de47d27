"""A local fake Matomo over HTTP that replays a recording, with fault injection.

    with RecordingServer(bundled_recording_dir(), faults=["http_503:times=2"]) as server:
        requests.post(server.url + "index.php", params={...}, data={"token_auth": server.token})

It answers `POST` (and `GET`) on `/` and `/index.php`; params come from the query string and
the form-encoded body (the body wins on conflicts). `token_auth` is only accepted in the
body: in the URL it is refused with HTTP 400.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from .access import auth_label, known_scenario, token_labels
from .dispatch import JSON_CONTENT_TYPE, Answer, Dispatcher
from .emulation import error_json
from .faults import BULK_METHOD, Fault, FaultPlan
from .recording import Recording, load_recording
from .wire import HTML_CONTENT_TYPE, PHP_FATAL_PAGE, html_error_page, new_entry, send

log = logging.getLogger(__name__)

API_PATHS = ("/", "/index.php")
TOKEN_IN_URL_MESSAGE = "token_auth must be sent in the POST body, not in the URL"


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
    `token` is accepted as the recording's primary token (`auth` label `valid`, or the label
    most calls carry, e.g. `analyst`); `tokens` maps other labels to tokens (`{"revoked": T}`)
    so their recorded answers are served too. `scenario` serves the calls recorded in that
    server state (e.g. `events-plugin-deactivated`) instead of the ordinary ones.
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
        tokens: Mapping[str, str] | None = None,
        scenario: str | None = None,
    ) -> None:
        if isinstance(recording_dir, Recording):
            self.recording = recording_dir
        else:
            self.recording = load_recording(recording_dir)
        self.host = host
        self.port = port
        self.token = token
        self.tokens = token_labels(self.recording, token, tokens or {})
        self.scenario = known_scenario(self.recording, scenario)
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
                send(h, 500, error_json("recording server error").encode(), JSON_CONTENT_TYPE)

    def _handle(self, h: _Handler) -> None:
        split = urlsplit(h.path)
        entry = new_entry(h.command, split.path, split.query)
        raw_body = self._read_body(h, entry)
        if raw_body is None:
            return
        if split.path not in API_PATHS:
            self._reply(h, entry, 404, b"Not Found", "text/plain; charset=utf-8")
            return
        query_params = dict(parse_qsl(split.query, keep_blank_values=True))
        body_params = dict(parse_qsl(raw_body.decode("utf-8", "replace"), keep_blank_values=True))
        params = {**query_params, **body_params}  # like PHP's $_REQUEST (POST wins)
        entry["api_method"] = params.get("method", "")

        if self.latency_s:
            time.sleep(self.latency_s)
        effects = self._apply_faults(h, params, entry)
        if effects is None:
            return
        fail_sub_glob, truncated = effects
        if "token_auth" in query_params:
            entry["source"] = "token-in-url"
            body = error_json(TOKEN_IN_URL_MESSAGE).encode()
            self._reply(h, entry, 400, body, JSON_CONTENT_TYPE)
            return
        auth = self._auth(body_params.get("token_auth", ""))
        answer: Answer = self.dispatcher.answer(
            params, auth, fail_sub_glob=fail_sub_glob, scenario=self.scenario
        )
        body = answer.body[: len(answer.body) // 2] if truncated else answer.body
        entry["source"] = answer.source
        self._reply(h, entry, answer.status, body, answer.content_type)

    def _read_body(self, h: _Handler, entry: dict[str, Any]) -> bytes | None:
        """The request body; None (after answering 411) without a usable Content-Length."""
        try:
            length = int(h.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or "chunked" in (h.headers.get("Transfer-Encoding") or "").lower():
            h.close_connection = True
            self._reply(h, entry, 411, b"Length Required", "text/plain; charset=utf-8")
            return None
        return h.rfile.read(length) if length > 0 else b""

    def _apply_faults(
        self, h: _Handler, params: dict[str, str], entry: dict[str, Any]
    ) -> tuple[str | None, bool] | None:
        """Fire the faults planned for this request: None when one of them answered it, else
        (the bulk sub-method glob to fail, whether to truncate the answer)."""
        api_method = entry["api_method"]
        sub_methods: list[str] = []
        if api_method == BULK_METHOD and self.fault_plan.has_bulk_faults:
            sub_methods = [
                dict(parse_qsl(v, keep_blank_values=True)).get("method", "")
                for k, v in sorted(params.items())
                if k.startswith("urls[")
            ]
        fail_sub_glob: str | None = None
        truncated = False
        for fault in self.fault_plan.pick(api_method, sub_methods):
            entry["fault"] = fault.kind
            if fault.kind == "slow":
                time.sleep(fault.seconds)
            elif fault.kind == "bulk_sub_error":
                fail_sub_glob = fault.method
            elif fault.kind == "truncated":
                truncated = True
            elif self._answer_fault(h, fault, entry):
                return None
        return fail_sub_glob, truncated

    def _auth(self, token: str) -> str:
        """The `auth` label of the calls a token gets the answers of: `none`, a token's label
        (`valid`, `analyst`, ...) or `invalid`."""
        return auth_label(self.tokens, token)

    def _reply(
        self,
        h: _Handler,
        entry: dict[str, Any],
        status: int,
        body: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Log the request with its status, then send the answer."""
        entry["status"] = status
        self._record(entry)
        send(h, status, body, content_type, headers)

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
            headers = {"Retry-After": str(fault.retry_after)} if fault.status == 429 else {}
            page = html_error_page(fault.status)
            self._reply(h, entry, fault.status, page, HTML_CONTENT_TYPE, headers)
            return True
        if fault.kind == "html_200":
            self._reply(h, entry, 200, PHP_FATAL_PAGE.encode(), HTML_CONTENT_TYPE)
            return True
        if fault.kind == "empty":
            self._reply(h, entry, 200, b"", JSON_CONTENT_TYPE)
            return True
        return False
