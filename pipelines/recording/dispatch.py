"""Answer one API call from a recording: exact replay, Live emulation, bulk, or a clear error.

Transport-free: the HTTP server decides auth and faults and hands the merged params here.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from urllib.parse import parse_qsl, urlencode

from .emulation import EmulationError, Unsupported, emulate_live, error_json, unknown_site_body
from .faults import BULK_METHOD
from .recorded import LIVE_METHOD, REFUSED_AUTH, RecordedCall, split_json_array
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
        self._scenario_errors: dict[str, list[RecordedCall]] = {}
        self._live_errors: dict[str, str | None] = {}

    def _replay(self, call: RecordedCall, source: str = "replay") -> Answer:
        body = self._bodies.get(call.line)
        if body is None:
            body = self._bodies[call.line] = call.body.encode("utf-8")
        return Answer(call.http_status, body, source)

    # -- entry point ----------------------------------------------------------------------

    def answer(
        self,
        params: Mapping[str, str],
        auth: str,
        *,
        fail_sub_glob: str | None = None,
        scenario: str | None = None,
    ) -> Answer:
        """Answer `params` (without token_auth) for a caller whose token has the `auth` label
        (`invalid`, `none`, or a token label of the recording), the server being in `scenario`
        (None: the ordinary state).

        `fail_sub_glob`: for API.getBulkRequest, replace the first sub-result whose method
        matches with a simulated error (the bulk_sub_error fault).
        """
        params = {k: v for k, v in params.items() if k != "token_auth"}
        if auth != self.recording.primary_auth:
            return self._auth_failure(params, auth, scenario)
        method = params.get("method", "")
        refused = _refuse_call(params)
        if refused is not None:
            return refused
        if method == BULK_METHOD:
            recorded = None if fail_sub_glob else self.recording.lookup(params, scenario=scenario)
            if recorded:
                return self._replay(recorded)
            return self._bulk(params, fail_sub_glob, scenario)
        recorded = self.recording.lookup(params, scenario=scenario)
        if scenario and (recorded is None or recorded.scenario != scenario):
            error = self._scenario_error(method, params, scenario)
            if error is not None:
                return error
        if method == LIVE_METHOD and self.prefer_emulation:
            return self._live(params)
        if recorded is not None:
            return self._replay(recorded)
        if method == LIVE_METHOD:
            return self._live(params)
        return self._unrecorded(method, params)

    # -- helpers --------------------------------------------------------------------------

    def _auth_failure(self, params: Mapping[str, str], auth: str, scenario: str | None) -> Answer:
        """A wrong or missing token, or another token of the recording (e.g. one whose access
        was removed): its recorded answer, else its recorded refusal adapted to this call."""
        recorded = self.recording.lookup(params, auth, scenario)
        if recorded is not None:
            return self._replay(recorded, "auth")
        sample = _refusal_sample(self.recording.calls_with_auth(auth, scenario), params)
        if sample is not None:
            body = sample.body
            theirs, ours = sample.params.get("idSite", ""), params.get("idSite", "")
            if theirs and ours and theirs != ours:
                body = body.replace(f"website id = {theirs}.", f"website id = {ours}.")
            return Answer(sample.http_status, body.encode("utf-8"), "auth")
        if auth not in REFUSED_AUTH:
            return Answer.error(
                f"The recording has no answer for {params.get('method', '')} "
                f"{describe_params(params)} with the {auth!r} token",
                source="no-answer",
            )
        if auth == "invalid":
            message = (
                "Unable to authenticate with the provided token. It is either invalid or expired."
            )
        else:
            message = "You can't access this resource as it requires 'view' access."
        return Answer.error(message, status=401, source="auth")

    def _scenario_error(
        self, method: str, params: Mapping[str, str], scenario: str
    ) -> Answer | None:
        """An error the scenario recorded that applies to this unrecorded call: the same method
        for the same site (or for every site: "... deactivated globally"), or any method of a
        plugin the scenario deactivated ("The plugin Events is not enabled")."""
        for call in self._errors_of(scenario):
            plugin = _PLUGIN_OFF.search(call.body)
            same_site = call.params.get("idSite") == params.get("idSite")
            if (call.method == method and (same_site or "globally" in call.body)) or (
                plugin and method.startswith(plugin.group(1) + ".")
            ):
                return Answer(call.http_status, call.body.encode("utf-8"), "scenario")
        return None

    def _errors_of(self, scenario: str) -> list[RecordedCall]:
        found = self._scenario_errors.get(scenario)
        if found is None:
            found = [c for c in self.recording.scenario_calls(scenario) if c.is_error]
            found = [c for c in found if c.auth == self.recording.primary_auth]
            self._scenario_errors[scenario] = found
        return found

    def _live(self, params: Mapping[str, str]) -> Answer:
        site = params.get("idSite", "").strip()
        if site not in self._live_errors:
            off = self.recording.live_error(int(site)) if site.isdigit() else None
            self._live_errors[site] = off
        off = self._live_errors[site]
        if off is not None:  # the site's visitor log is off
            return Answer(200, off.encode("utf-8"), "replay-live-off")
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

    def _bulk(
        self, params: Mapping[str, str], fail_sub_glob: str | None, scenario: str | None
    ) -> Answer:
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
            answer = self.answer(sub, self.recording.primary_auth, scenario=scenario)
            parts.append(_bulk_part(answer, sub_method))
        return Answer(200, ("[" + ",".join(parts) + "]").encode("utf-8"), "bulk")


_PLUGIN_OFF = re.compile(r"The plugin (\w+) is not enabled")


def _refuse_call(params: Mapping[str, str]) -> Answer | None:
    """The recording server's own refusal of a call it cannot answer (module, format, method)."""
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
    if not params.get("method", ""):
        return Answer.error("The recording server needs a method parameter")
    return None


def _refusal_sample(calls: list[RecordedCall], params: Mapping[str, str]) -> RecordedCall | None:
    """The recorded refusal (an error) of a token that fits `params` best: the same method,
    else one about a site when `params` names one (or about none when it names none)."""
    errors = [c for c in calls if c.is_error]
    site_wanted = bool(params.get("idSite"))
    for fits in (
        lambda c: c.method == params.get("method"),
        lambda c: bool(c.params.get("idSite")) == site_wanted,
        lambda c: True,
    ):
        found = [c for c in errors if fits(c)]
        if found:
            return found[0]
    return None


def _bulk_part(answer: Answer, sub_method: str) -> str:
    """A sub-result of API.getBulkRequest: inside a bulk answer Matomo does not HTML-escape
    error messages ("Settings > Plugins", where a direct call says "Settings &gt; Plugins")."""
    text = answer.body.decode("utf-8")
    if answer.status != 200 or not text.strip():
        return error_json(f"HTTP {answer.status} for {sub_method}")
    if text.startswith('{"result":"error"'):
        message = json.loads(text).get("message", "")
        return error_json(html.unescape(str(message)))
    return text
