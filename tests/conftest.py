"""Shared fixtures: the bundled real recording, served over HTTP like a Matomo."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipelines.recording import RecordingServer, bundled_recording_dir

TOKEN = "test-token-5f2c9e0b7d"  # a token value easy to grep for in leak scans


@pytest.fixture(scope="session")
def recording_dir() -> Path:
    return bundled_recording_dir()


@pytest.fixture(scope="session")
def recorded_calls(recording_dir: Path) -> list[dict[str, Any]]:
    with gzip.open(recording_dir / "calls.jsonl.gz", "rt") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture(scope="session")
def manifest(recording_dir: Path) -> dict[str, Any]:
    return json.loads((recording_dir / "manifest.json").read_text())


@pytest.fixture(scope="session")
def recorded_day_lists(recorded_calls: list[dict[str, Any]]) -> dict[tuple[int, str], list]:
    """(idSite, local day) -> the visits the real server listed for that day (all of them)."""
    out: dict[tuple[int, str], list] = {}
    for call in recorded_calls:
        params = call["params"]
        if (
            call["method"] == "Live.getLastVisitsDetails"
            and call["http_status"] == 200
            and params.get("period") == "day"
            and params.get("filter_limit") == "-1"
            and set(params)
            == {
                "date",
                "filter_limit",
                "filter_sort_order",
                "format",
                "idSite",
                "method",
                "module",
                "period",
            }
        ):
            out[(int(params["idSite"]), params["date"])] = json.loads(call["body"])
    return out


@pytest.fixture()
def server(recording_dir: Path) -> Iterator[RecordingServer]:
    with RecordingServer(recording_dir, token=TOKEN) as srv:
        yield srv


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled recording loaded, built and published once: the BI tests (semantic layer,
    dashboard) read it, never write it. Published even if the reconciliation finds a
    difference (test_reconciliation's concern): the dashboard shows it in its badge."""
    return build_and_publish(tmp_path_factory.mktemp("demo") / "warehouse.duckdb")


def build_and_publish(path: Path, recording: Path | None = None) -> Path:
    from pipelines import publish, transform, workflow

    assert workflow.demo(path, recording=recording, transform=False) == 0
    transform.build(path, unit_tests=False)  # the reconciliation's dbt test may fail
    publish.publish(path)
    return path
