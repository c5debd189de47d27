"""`matomo-warehouse check` (preflight) and `matomo-warehouse status` against the recording."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.cli import main
from pipelines.recording import RecordingServer
from pipelines.runner import LoadOptions, load
from tests.conftest import TOKEN

NOW = "2026-10-12T12:00:00Z"  # yesterday = 2026-10-11 in New York and in Kolkata


@pytest.fixture(autouse=True)
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCES__MATOMO__API_TOKEN", TOKEN)


def check(server: RecordingServer, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple:
    code = main(["check", "--url", server.url, "--now", NOW, *extra])
    out = capsys.readouterr().out
    return code, {
        line.split()[1]
        + (" " + line.split()[2] if line.split()[1] in ("live", "reports", "matomo") else ""): line
        for line in out.splitlines()
        if line[:4].strip() in ("OK", "WARN", "FAIL")
    }


def test_check_all_ok(server: RecordingServer, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = check(server, capsys)
    assert code == 0
    assert set(lines) == {"url", "token", "matomo version", "sites", "live site", "reports site"}
    assert all(line.startswith("OK") for line in lines.values())
    assert "5.0.2" in lines["matomo version"]
    assert "1 'Shop' (America/New_York), 2 'Docs' (Asia/Kolkata)" in lines["sites"]
    assert server.request_counts()["Live.getLastVisitsDetails"] == 2
    assert server.request_counts()["VisitsSummary.get"] == 2


def test_check_wrong_token(
    server: RecordingServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCES__MATOMO__API_TOKEN", "wrong")
    code, lines = check(server, capsys)
    assert code == 1
    assert lines["url"].startswith("OK") and lines["token"].startswith("FAIL")
    assert "Unable to authenticate" in lines["token"]


def test_check_unknown_site(server: RecordingServer, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = check(server, capsys, "--site", "7")
    assert code == 1
    assert lines["sites"].startswith("FAIL") and "site(s) 7 not found" in lines["sites"]


def test_check_live_disabled_and_reports_not_archived(
    server: RecordingServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from pipelines.recording.dispatch import Answer

    answer = server.dispatcher.answer

    def sick(params: dict, auth: str, **kw: object) -> Answer:
        if params.get("method") == "Live.getLastVisitsDetails":
            return Answer.error(
                "Visits log is deactivated globally. A user with super user "
                "access can enable this feature in the general settings."
            )
        return answer(params, auth, **kw)  # type: ignore[arg-type]

    server.dispatcher.answer = sick  # type: ignore[method-assign]
    code, lines = check(server, capsys, "--site", "2")
    assert code == 1
    assert (
        lines["live site"].startswith("FAIL") and "Visits log is deactivated" in lines["live site"]
    )


def test_check_unreachable(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--url", "http://matomo.invalid/", "--timeout", "2"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("FAIL  url") and "DNS lookup failed" in out


def test_status(
    server: RecordingServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.duckdb"
    assert main(["status", "--duckdb", str(db)]) == 2
    assert "no warehouse at" in capsys.readouterr().err
    load(
        db,
        LoadOptions(
            url=server.url,
            api_token=TOKEN,
            start_date="2026-10-05",
            end_date="2026-10-11",
            now="2026-11-26T00:00:00Z",
            report_periods=["day"],
        ),
    )
    assert main(["status", "--duckdb", str(db)]) == 0
    out = capsys.readouterr().out
    assert (
        "site 1 'Shop': last final day 2026-10-11; visits 869 (2026-10-05..2026-10-11), "
        "actions 3333" in out
    )
    assert "site 2 'Docs': last final day 2026-10-11; visits 476" in out
    assert "last load: 20" in out
    assert "reports: 39 tables" in out
    assert "  report_visits_summary_get: day to 2026-10-11 (14 rows)" in out
    assert "anomaly" not in out
