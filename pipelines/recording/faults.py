"""Fault injection for the recording server: specs, parsing and a thread-safe plan.

Spec grammar: `KIND[:KEY=VALUE]...`, e.g. `http_503:times=3`, `http_429:times=2:retry_after=1`,
`slow:times=1:seconds=5`, `reset:method=Live.*:after=2`, `bulk_sub_error`.

Kinds:
  http_500 http_502 http_503 http_504  that status with an HTML error page
  http_429      429 with a `Retry-After: retry_after` header (default 1 s)
  slow          sleep `seconds` (default 1) and then answer normally
  reset         close the TCP connection without an answer (RST)
  truncated     the correct answer with its body cut in half (Content-Length of the half)
  html_200      HTTP 200 with a PHP "Fatal error" HTML page
  empty         HTTP 200 with an empty body
  bulk_sub_error inside an API.getBulkRequest answer, one sub-result becomes
                `{"result":"error","message":"Simulated failure ..."}`

Keys (all optional):
  times=N       fire on N matching requests (default 1; 0 = on every one)
  after=K       let the first K matching requests through untouched
  method=GLOB   only requests whose API method matches (fnmatch, e.g. `Live.*`); for
                bulk_sub_error the glob picks the sub-request whose result is replaced
  seconds=S     slow only
  retry_after=S http_429 only

Faults are evaluated in the order given. A matching request counts for a fault; `slow` fires and
lets later faults be evaluated too, any other fault that fires answers the request and later
faults do not see it. Counting is per fault, under a lock: deterministic for a given request order.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase

BULK_METHOD = "API.getBulkRequest"

HTTP_STATUS_KINDS: dict[str, int] = {
    "http_500": 500,
    "http_502": 502,
    "http_503": 503,
    "http_504": 504,
    "http_429": 429,
}
FAULT_KINDS: tuple[str, ...] = (
    *HTTP_STATUS_KINDS,
    "slow",
    "reset",
    "truncated",
    "html_200",
    "empty",
    "bulk_sub_error",
)
_INT_KEYS = ("times", "after", "retry_after")


@dataclass(frozen=True)
class Fault:
    """One injected fault; see the module docstring for the meaning of each field."""

    kind: str
    times: int = 1
    after: int = 0
    method: str = "*"
    seconds: float = 1.0
    retry_after: int = 1

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(
                f"unknown fault kind {self.kind!r}; expected one of {', '.join(FAULT_KINDS)}"
            )
        if self.times < 0 or self.after < 0:
            raise ValueError(f"fault {self.kind}: times and after must be >= 0")
        if self.seconds < 0 or self.retry_after < 0:
            raise ValueError(f"fault {self.kind}: seconds and retry_after must be >= 0")
        if not self.method:
            raise ValueError(f"fault {self.kind}: method glob is empty")

    @property
    def status(self) -> int | None:
        """The HTTP status this fault answers with, if it is an HTTP error fault."""
        return HTTP_STATUS_KINDS.get(self.kind)

    @property
    def terminal(self) -> bool:
        """False for `slow`, which delays the request and lets it go on."""
        return self.kind != "slow"

    def applies_to(self, api_method: str, sub_methods: Sequence[str] = ()) -> bool:
        if self.kind == "bulk_sub_error":
            return api_method == BULK_METHOD and any(
                fnmatchcase(m, self.method) for m in sub_methods
            )
        return fnmatchcase(api_method, self.method)

    def spec(self) -> str:
        """The canonical spec string (parse_fault(f.spec()) == f)."""
        parts = [self.kind, f"times={self.times}"]
        if self.after:
            parts.append(f"after={self.after}")
        if self.method != "*":
            parts.append(f"method={self.method}")
        if self.kind == "slow":
            parts.append(f"seconds={self.seconds:g}")
        if self.kind == "http_429":
            parts.append(f"retry_after={self.retry_after}")
        return ":".join(parts)


def parse_fault(spec: str) -> Fault:
    """Parse `KIND[:KEY=VALUE]...`; raises ValueError with a message naming the problem."""
    text = spec.strip()
    if not text:
        raise ValueError("empty fault spec")
    kind, *options = text.split(":")
    kind = kind.strip().lower()
    if kind not in FAULT_KINDS:
        raise ValueError(
            f"fault {spec!r}: unknown kind {kind!r}; expected one of {', '.join(FAULT_KINDS)}"
        )
    values: dict[str, object] = {}
    for option in options:
        key, sep, value = option.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key or not value:
            raise ValueError(f"fault {spec!r}: option {option!r} is not KEY=VALUE")
        if key in values:
            raise ValueError(f"fault {spec!r}: {key} given twice")
        values[key] = _option_value(spec, kind, key, value)
    try:
        return Fault(kind=kind, **values)  # type: ignore[arg-type]
    except ValueError as err:
        raise ValueError(f"fault {spec!r}: {err}") from None


def _option_value(spec: str, kind: str, key: str, value: str) -> object:
    """The typed value of one `KEY=VALUE` option of a fault spec."""
    if key == "seconds" and kind != "slow":
        raise ValueError(f"fault {spec!r}: seconds= only applies to slow")
    if key == "retry_after" and kind != "http_429":
        raise ValueError(f"fault {spec!r}: retry_after= only applies to http_429")
    if key in _INT_KEYS:
        try:
            return int(value)
        except ValueError:
            raise ValueError(f"fault {spec!r}: {key} must be an integer") from None
    if key == "seconds":
        try:
            return float(value)
        except ValueError:
            raise ValueError(f"fault {spec!r}: seconds must be a number") from None
    if key == "method":
        return value
    raise ValueError(
        f"fault {spec!r}: unknown option {key!r}; "
        "expected times, after, method, seconds (slow), retry_after (http_429)"
    )


def as_faults(faults: Iterable[Fault | str]) -> list[Fault]:
    return [f if isinstance(f, Fault) else parse_fault(f) for f in faults]


class FaultPlan:
    """Decides, request by request, which faults fire (thread-safe, deterministic)."""

    def __init__(self, faults: Iterable[Fault | str] = ()) -> None:
        self.faults: tuple[Fault, ...] = tuple(as_faults(faults))
        self._seen = [0] * len(self.faults)
        self._fired = [0] * len(self.faults)
        self._lock = threading.Lock()

    @property
    def has_bulk_faults(self) -> bool:
        return any(f.kind == "bulk_sub_error" for f in self.faults)

    def pick(self, api_method: str, sub_methods: Sequence[str] = ()) -> list[Fault]:
        """The faults that fire for this request: any `slow` ones, then at most one other."""
        fired: list[Fault] = []
        if not self.faults:
            return fired
        with self._lock:
            for i, fault in enumerate(self.faults):
                if not fault.applies_to(api_method, sub_methods):
                    continue
                self._seen[i] += 1
                n = self._seen[i]
                if n <= fault.after or (fault.times and n > fault.after + fault.times):
                    continue
                self._fired[i] += 1
                fired.append(fault)
                if fault.terminal:
                    break
        return fired

    def fired_counts(self) -> list[tuple[str, int]]:
        """(spec, how many times it fired) per fault, in order."""
        with self._lock:
            return [(f.spec(), n) for f, n in zip(self.faults, self._fired, strict=True)]
