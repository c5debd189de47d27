"""A mutated copy of the bundled real recording with bad Live values (tests/test_bad_rows.py):
every Live list of site 1 that holds a visit below carries its mutation."""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipelines.recording import bundled_recording_dir

SITE, DAY = 1, "2026-10-06"
WORMHOLE_VISIT = 300
Visit = dict[str, Any]


def _set(key: str, value: Any) -> Callable[[Visit], None]:
    return lambda visit: visit.__setitem__(key, value)


def _action(index: int, key: str, value: Any) -> Callable[[Visit], None]:
    return lambda visit: visit["actionDetails"][index].__setitem__(key, value)


def _order(visit: Visit) -> None:
    order = next(a for a in visit["actionDetails"] if a["type"] == "ecommerceOrder")
    order["revenue"] = "n/a"
    order["itemDetails"][0].update(quantity="one", price="twenty-four")


# idVisit -> mutation; the visits of site 1 on 2026-10-06 (visit 280 holds an order)
MUTATIONS: dict[int, Callable[[Visit], None]] = {
    309: _set("visitDuration", "long"),
    308: _action(0, "timeSpent", "twenty"),
    280: _order,
    306: _set("latitude", "north"),
    305: _set("actions", 5.5),
    304: _action(0, "pageTitle", "Shoes \ud800 sale"),
    303: lambda visit: visit.pop("idVisit"),
    302: _set("lastActionTimestamp", 4_102_444_800),  # 2100-01-01
    301: _action(0, "timestamp", 2**62),
    WORMHOLE_VISIT: _action(1, "type", "wormhole"),
}
DROPPED = {303, 302, 301}  # visits that cannot be keyed or placed in time


def _mutate_body(body: str) -> str:
    visits = json.loads(body)
    for visit in visits:
        if visit.get("idSite") == SITE and visit.get("idVisit") in MUTATIONS:
            MUTATIONS[visit["idVisit"]](visit)
    return json.dumps(visits)  # ensure_ascii: the lone surrogate travels as \\ud800


def write_mutated_recording(target: Path) -> Path:
    """The bundled recording with `MUTATIONS` applied, written to `target`."""
    source = bundled_recording_dir()
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "manifest.json", target / "manifest.json")
    with (
        gzip.open(source / "calls.jsonl.gz", "rt") as src,
        gzip.open(target / "calls.jsonl.gz", "wt") as out,
    ):
        for line in src:
            call = json.loads(line)
            if (
                call["method"] == "Live.getLastVisitsDetails"
                and call["params"].get("idSite") == str(SITE)
                and call["body"].lstrip().startswith("[")
            ):
                call["body"] = _mutate_body(call["body"])
            out.write(json.dumps(call) + "\n")
    return target
