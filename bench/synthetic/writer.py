"""Writes recorded calls as separate gzip members and keeps their manifest index."""

from __future__ import annotations

import json
import queue
import threading
import zlib
from pathlib import Path
from typing import Any


class MemberWriter:
    """Writes lines as separate gzip members in a thread (zlib releases the GIL), recording
    each member's offset and length."""

    def __init__(self, path: Path, level: int) -> None:
        self.path = path
        self.level = level
        self.members: list[tuple[int, int]] = []
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="synthetic-gzip", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            with self.path.open("wb") as fh:
                offset = 0
                while (data := self._queue.get()) is not None:
                    packer = zlib.compressobj(self.level, zlib.DEFLATED, 31)
                    member = packer.compress(data) + packer.flush()
                    fh.write(member)
                    self.members.append((offset, len(member)))
                    offset += len(member)
        except BaseException as exc:  # re-raised in close()
            self._error = exc
            while self._queue.get() is not None:
                pass

    def write(self, line: str) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(line.encode("utf-8"))

    def close(self) -> list[tuple[int, int]]:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self.members


def call_line(params: dict[str, str], body: str) -> tuple[str, dict[str, Any]]:
    """The `calls.jsonl.gz` line of a successful call, and its manifest entry."""
    line = json.dumps(
        {
            "method": params["method"],
            "params": params,
            "http_status": 200,
            "auth": "valid",
            "body": body,
        },
        separators=(",", ":"),
    )
    entry = {
        "method": params["method"],
        "params": params,
        "http_status": 200,
        "auth": "valid",
        "ok": True,
        "token_redactions": 0,
        "body_bytes": len(body),
    }
    return line, entry


class CallWriter:
    """Emits calls to a `MemberWriter` and collects their manifest entries."""

    def __init__(self, path: Path, level: int) -> None:
        self._writer = MemberWriter(path, level)
        self.entries: list[dict[str, Any]] = []
        self.body_bytes = 0

    def emit(self, params: dict[str, str], body: str, group: str, **extra: Any) -> None:
        line, entry = call_line(params, body)
        self._writer.write(line + "\n")
        self.entries.append({"line": len(self.entries), "group": group, **entry, **extra})
        self.body_bytes += len(body)

    def close(self) -> int:
        """Wait for the gzip thread, add each entry's member offset and length; the total
        gzip bytes."""
        members = self._writer.close()
        for entry, (offset, length) in zip(self.entries, members, strict=True):
            entry["gzip_offset"], entry["gzip_length"] = offset, length
        return sum(length for _, length in members)
