"""`matomo-warehouse serve-recording`: a local fake Matomo replaying a recording."""

from __future__ import annotations

import argparse
import logging
import threading
from pathlib import Path

from pipelines.errors import UserError
from pipelines.recording import RecordingServer, bundled_recording_dir, parse_fault

log = logging.getLogger(__name__)

DESCRIPTION = """\
Serve a Matomo API recording over HTTP on this machine, as if it were a Matomo server, until
Ctrl-C. Point the pipeline at the printed URL with the same token (e.g.
SOURCES__MATOMO__URL=http://127.0.0.1:8765/ SOURCES__MATOMO__API_TOKEN=recording-token).

Answers POST /index.php?module=API&method=...&format=json with token_auth in the form body:
recorded calls are replayed byte for byte; Live.getLastVisitsDetails is emulated from the
recorded full-day visit lists (idSite, period day/week/month/range, filter_limit (default 10),
filter_offset, filter_sort_order, minTimestamp, doNotFetchActions, simple segments);
API.getBulkRequest dispatches each urls[i]. A wrong token answers the recorded HTTP 401, a
token in the URL HTTP 400, an unrecorded call {"result":"error","message":"The recording has
no answer for ..."}.
"""

EPILOG = """\
fault specs (--fault, repeatable; evaluated in order):
  KIND[:times=N][:after=K][:method=GLOB][:seconds=S][:retry_after=S]

  http_500, http_502, http_503, http_504   that status with an HTML error page
  http_429        429 with Retry-After (retry_after=S, default 1)
  slow            wait seconds=S (default 1), then answer normally
  reset           close the TCP connection without answering (RST)
  truncated       the right answer with its body cut in half
  html_200        HTTP 200 with a PHP "Fatal error" HTML page
  empty           HTTP 200 with an empty body
  bulk_sub_error  one API.getBulkRequest sub-result becomes {"result":"error",...}
                  (method=GLOB picks the sub-request)

  times=N   fire on N matching requests (default 1; 0 = every one)
  after=K   let the first K matching requests through first
  method=G  only API methods matching the fnmatch glob G, e.g. Live.*

examples:
  matomo-warehouse serve-recording --port 8765
  matomo-warehouse serve-recording --fault http_503:times=3 --fault reset:method=Live.*:after=2
  matomo-warehouse serve-recording --latency-ms 50 --fault http_429:times=2:retry_after=1
"""


def _fault(value: str) -> str:
    try:
        parse_fault(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return value


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "serve-recording",
        help="serve a Matomo API recording locally as a fake Matomo (with fault injection)",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "directory",
        nargs="?",
        type=Path,
        metavar="DIR",
        help="recording directory with calls.jsonl.gz and manifest.json "
        "(default: the bundled pipelines/recording/public)",
    )
    _add_server_options(parser)
    parser.set_defaults(func=run)


def _add_server_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=0, metavar="N", help="port (default 0: a free port)"
    )
    parser.add_argument(
        "--token",
        default="recording-token",
        metavar="T",
        help="the token_auth the server accepts (default: recording-token)",
    )
    parser.add_argument(
        "--fault",
        dest="faults",
        action="append",
        default=[],
        type=_fault,
        metavar="SPEC",
        help="inject a fault, e.g. http_503:times=3 (repeatable; see below)",
    )
    parser.add_argument(
        "--latency-ms",
        type=float,
        default=0.0,
        metavar="N",
        help="delay every answer by N milliseconds (default 0)",
    )


def run(args: argparse.Namespace) -> int:
    server = _start(args)
    log.info(
        "serving on %s  token_auth=%s  (Ctrl-C to stop): %s (%d recorded calls, sites %s)",
        server.url,
        "<as given>" if args.token != "recording-token" else args.token,
        server.recording.directory,
        len(server.recording.calls),
        ",".join(str(s) for s in sorted(server.recording.sites)),
    )
    for fault in server.faults:
        log.info("fault: %s", fault.spec())
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        server.stop()
        counts = server.request_counts()
        log.info(
            "served %d requests: %s",
            sum(counts.values()),
            ", ".join(f"{m or '(no method)'}={n}" for m, n in sorted(counts.items())) or "none",
        )
    return 0


def _start(args: argparse.Namespace) -> RecordingServer:
    """The recording server of `args`, listening; UserError for a bad directory or port."""
    directory: Path = args.directory or bundled_recording_dir()
    if not (directory / "calls.jsonl.gz").is_file():
        raise UserError(
            f"{directory} is not a Matomo API recording (no calls.jsonl.gz); pass its directory"
        )
    if args.latency_ms < 0:
        raise UserError("--latency-ms must be >= 0")
    try:
        server = RecordingServer(
            directory,
            host=args.host,
            port=args.port,
            token=args.token,
            faults=[parse_fault(spec) for spec in args.faults],
            latency_s=args.latency_ms / 1000.0,
        )
        server.start()
    except OSError as err:
        raise UserError(f"cannot listen on {args.host}:{args.port}: {err}") from None
    return server
