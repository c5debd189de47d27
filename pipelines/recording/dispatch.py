"""Answer one API call from a recording: exact replay, Live emulation, bulk, or a clear error.

Transport-free: the HTTP server decides auth and faults and hands the merged params here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from urllib.parse import parse_qsl, urlencode

from .emulation import EmulationError, Unsupported, emulate_live, error_json, unknown_site_body
from .faults import BULK_METHOD
from .recorded import LIVE_METHOD, RecordedCall, split_json_array
from .recording import Recording

log = logging.getLogger(__name__)

JSON_CONTENT_TYPE = "application/json; charset=utf-8"
DEFAULT_REPORT_FILTER_LIMIT = 100
_BULK_KEY = re.compile(r"^urls\[(\d+)\]$")


@dataclass(frozen=True)
class Answer:
    """What to send back: status, body bytes and how it was produced (`source`)."""

    status: int
    body: bytes
    source: str
    content_type: str = JSON_CONTENT_TYPE

    @classmethod
    def error(cls, message: str, *, status: int = 200, source: str = "error") -> Answer:
        return cls(status, error_json(message).encode(), source)


def describe_params(params: Mapping[str, str]) -> str:
    """`key=value&...` of a call without module, method, format and token_auth."""
    skip = {"module", "method", "format", "token_auth"}
    return urlencode(sorted((k, v) for k, v in params.items() if k not in skip))


class Dispatcher:
    """Replays recorded calls and emulates what the recording lets us compute."""

    def __init__(self, recording: Recording, *, prefer_emulation: bool = False) -> None:
        self.recording = recording
        self.prefer_emulation = prefer_emulation
        self._bodies: dict[int, bytes] = {}

    def _replay(self, call: RecordedCall, source: str = "replay") -> Answer:
        body = self._bodies.get(call.line)
        if body is None:
            body = self._bodies[call.line] = call.body.encode("utf-8")
        return Answer(call.http_status, body, source)

    # -- entry point ----------------------------------------------------------------------

    def answer(
        self, params: Mapping[str, str], auth: str, *, fail_sub_glob: str | None = None
    ) -> Answer:
        """Answer `params` (without token_auth) for a caller with `auth` valid/invalid/none.

        `fail_sub_glob`: for API.getBulkRequest, replace the first sub-result whose method
        matches with a simulated error (the bulk_sub_error fault).
        """
        params = {k: v for k, v in params.items() if k != "token_auth"}
        if auth != "valid":
            return self._auth_failure(params, auth)
        method = params.get("method", "")
        if params.get("module", "") != "API":
            return Answer.error(
                f"The recording server only answers module=API calls (got module="
                f"{params.get('module', '')!r})"
            )
        if params.get("format", "").lower() != "json":
            return Answer.error(
                f"The recording server only answers format=json (got format="
                f"{params.get('format', '')!r})"
            )
        if not method:
            return Answer.error("The recording server needs a method parameter")
        if method == BULK_METHOD:
            recorded = None if fail_sub_glob else self.recording.lookup(params)
            return self._replay(recorded) if recorded else self._bulk(params, fail_sub_glob)
        if method == LIVE_METHOD and self.prefer_emulation:
            return self._live(params)
        recorded = self.recording.lookup(params)
        if recorded is not None:
            return self._replay(recorded)
        if method == LIVE_METHOD:
            return self._live(params)
        return self._unrecorded(method, params)

    # -- helpers --------------------------------------------------------------------------

    def _auth_failure(self, params: Mapping[str, str], auth: str) -> Answer:
        recorded = self.recording.lookup(params, auth)
        if recorded is not None:
            return self._replay(recorded, "auth")
        samples = self.recording.calls_with_auth(auth)
        if samples:
            sample = samples[0]
            body = sample.body
            theirs, ours = sample.params.get("idSite", ""), params.get("idSite", "")
            if theirs and ours and theirs != ours:
                body = body.replace(f"website id = {theirs}.", f"website id = {ours}.")
            return Answer(sample.http_status, body.encode("utf-8"), "auth")
        if auth == "invalid":
            message = (
                "Unable to authenticate with the provided token. It is either invalid or expired."
            )
        else:
            message = "You can't access this resource as it requires 'view' access."
        return Answer.error(message, status=401, source="auth")

    def _live(self, params: Mapping[str, str]) -> Answer:
        try:
            return Answer(200, emulate_live(self.recording, params).encode("utf-8"), "emulated")
        except EmulationError as err:
            return Answer(200, str(err).encode("utf-8"), "emulated")
        except Unsupported as err:
            recorded = self.recording.lookup(params)
            if recorded is not None:
                return self._replay(recorded)
            return self._unrecorded(LIVE_METHOD, params, why=str(err))

    def _unrecorded(self, method: str, params: Mapping[str, str], why: str = "") -> Answer:
        site = params.get("idSite", "").strip()
        if site.isdigit() and int(site) not in self.recording.sites:
            return Answer(200, unknown_site_body(self.recording, site).encode("utf-8"), "error")
        if "filter_limit" not in params:
            # Report calls were recorded with filter_limit=-1; without it Matomo keeps the
            # first 100 rows (bulk sub-requests usually omit it).
            recorded = self.recording.lookup({**params, "filter_limit": "-1"})
            if recorded is not None and not recorded.is_error:
                return self._first_rows(recorded, DEFAULT_REPORT_FILTER_LIMIT)
        detail = f" (the emulator does not support {why})" if why else ""
        return Answer.error(
            f"The recording has no answer for {method} {describe_params(params)}{detail}",
            source="no-answer",
        )

    def _first_rows(self, call: RecordedCall, limit: int) -> Answer:
        answer = self._replay(call, "replay-default-limit")
        if not call.body.lstrip().startswith("["):
            return answer
        rows = split_json_array(call.body)
        if len(rows) <= limit:
            return answer
        body = "[" + ",".join(text for _, text in rows[:limit]) + "]"
        return Answer(200, body.encode("utf-8"), "replay-default-limit")

    def _bulk(self, params: Mapping[str, str], fail_sub_glob: str | None) -> Answer:
        indexed = []
        for key, value in params.items():
            match = _BULK_KEY.match(key)
            if match:
                indexed.append((int(match.group(1)), value))
        if not indexed:
            return Answer.error("API.getBulkRequest needs urls[0], urls[1], ... parameters")
        parts: list[str] = []
        failed = False
        for _, url in sorted(indexed):
            sub = dict(parse_qsl(url.lstrip("?"), keep_blank_values=True))
            sub.pop("token_auth", None)
            sub.setdefault("module", "API")
            sub["format"] = "json"
            sub_method = sub.get("method", "")
            if fail_sub_glob and not failed and fnmatchcase(sub_method, fail_sub_glob):
                failed = True
                parts.append(
                    error_json(
                        f"Simulated failure (fault bulk_sub_error) for {sub_method} "
                        f"{describe_params(sub)}"
                    )
                )
                continue
            if sub_method == BULK_METHOD:
                parts.append(error_json("API.getBulkRequest cannot be nested"))
                continue
            answer = self.answer(sub, "valid")
            text = answer.body.decode("utf-8")
            if answer.status != 200 or not text.strip():
                text = error_json(f"HTTP {answer.status} for {sub_method}")
            parts.append(text)
        return Answer(200, ("[" + ",".join(parts) + "]").encode("utf-8"), "bulk")
