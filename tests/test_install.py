"""Installs like a tool: the wheel, installed into a fresh venv and run from `/` (as cron does),
finds its dbt project and its home's .dlt/, and writes only under the home.

Slow (builds a wheel, installs it, runs `demo` and `run`): everything runs once per module.
The fresh venv sees the project venv's site-packages through a .pth line for the dependencies
only: `pipelines` itself is imported from the installed wheel (asserted).
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import duckdb
import pytest

from pipelines import logs
from pipelines.matomo.reports.schedule import DEFAULT_PERIODS, parse_periods

REPO = Path(__file__).resolve().parent.parent
TOKEN = "install-test-token"  # the fake Matomo's token, never a real one
# what a run would write into its working folder (here `/`) if it ignored the home
NOT_IN_CWD = ("matomo_warehouse.duckdb", ".matomo_warehouse.dlt", ".matomo_warehouse.dbt", "logs")


def _copy_sources(dest: Path) -> Path:
    """The committed source tree only (no build/, .venv or dbt target/ leftovers)."""
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\0")
    for name in filter(None, files):
        if (REPO / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, dest / name)
    return dest


def _venv(root: Path, wheel: Path) -> Path:
    """A fresh venv with the wheel installed; dependencies from the project venv (.pth)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", root], check=True)
    python = root / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(purelib, "project-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel],
        check=True,
    )
    return root / "bin"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("install")
    started = time.monotonic()
    src = _copy_sources(tmp / "src")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp / "dist", src],
        check=True,
    )
    (wheel,) = (tmp / "dist").glob("matomo_warehouse-*.whl")
    shutil.rmtree(src)
    bin_dir = _venv(tmp / "venv", wheel)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DLT_", "SOURCES__"))}
    env.pop("PYTHONPATH", None)
    env.pop("MATOMO_WAREHOUSE_HOME", None)
    print(f"wheel {wheel.stat().st_size:,} bytes, built and installed in "
          f"{time.monotonic() - started:.1f}s")  # fmt: skip
    return {"tmp": tmp, "bin": bin_dir, "env": env, "wheel": wheel}


def _cli(installed: dict, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [installed["bin"] / "matomo-warehouse", *args],
        cwd="/",
        env=env or installed["env"],
        capture_output=True,
        text=True,
        timeout=900,
    )


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def test_the_installed_package_is_the_wheel(installed: dict) -> None:
    code = "import pipelines, pipelines.transform as t; print(pipelines.__file__, t.PROJECT_DIR)"
    out = subprocess.run(
        [installed["bin"] / "python", "-c", code],
        cwd="/",
        env=installed["env"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    venv = installed["tmp"] / "venv"
    assert Path(out[0]).is_relative_to(venv) and not Path(out[0]).is_relative_to(REPO)
    assert (Path(out[1]) / "dbt_project.yml").is_file() and Path(out[1]).is_relative_to(venv)


def test_demo_from_another_folder_builds_the_marts(installed: dict) -> None:
    home = installed["tmp"] / "demo-home"
    home.mkdir()
    before = _files(installed["tmp"] / "venv")
    result = _cli(installed, "--home", str(home), "demo")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "reconciliation: every compared cell matches or is explained" in result.stderr
    with duckdb.connect(str(home / "matomo_warehouse.duckdb"), read_only=True) as con:
        (visits,) = con.sql("select count(*) from matomo.fct_visits").fetchone()
    assert visits > 0
    assert (home / ".matomo_warehouse.dbt" / "target" / "manifest.json").is_file()
    venv_new = {
        p for p in _files(installed["tmp"] / "venv") - before if "__pycache__" not in p.parts
    }
    assert venv_new == set()  # dbt wrote nothing into site-packages
    assert not any(Path("/", name).exists() for name in NOT_IN_CWD)
    _assert_short_plain_lines(result.stderr)


def test_run_reads_the_home_config(installed: dict) -> None:
    home = installed["tmp"] / "run-home"
    (home / ".dlt").mkdir(parents=True)
    port = _free_port()
    server = subprocess.Popen(
        [installed["bin"] / "matomo-warehouse", "-q", "serve-recording", "--token", TOKEN,
         "--port", str(port)],
        cwd="/", env=installed["env"],
    )  # fmt: skip
    try:
        _wait_listening(server, port)
        url = f"http://127.0.0.1:{port}/"
        (home / ".dlt" / "config.toml").write_text(
            f'[sources.matomo]\nurl = "{url}"\nstart_date = "2026-10-05"\n'
        )
        env = {**installed["env"], "SOURCES__MATOMO__API_TOKEN": TOKEN}
        result = _cli(
            installed, "--home", str(home), "run", "--no-transform",
            "--end-date", "2026-10-11", "--now", "2026-10-12T12:00:00Z", env=env,
        )  # fmt: skip
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    assert result.returncode == 0, result.stderr[-3000:]
    assert TOKEN not in result.stderr
    with duckdb.connect(str(home / "matomo_warehouse.duckdb"), read_only=True) as con:
        (visits,) = con.sql("select count(*) from matomo_raw.visits").fetchone()
        periods = con.sql("select distinct period from matomo_raw.report_visits_summary_get")
        periods = {row[0] for row in periods.fetchall()}
    assert visits > 0
    assert periods == {"day", "week", "month"}  # no report_periods set: the documented default
    assert not any(Path("/", name).exists() for name in NOT_IN_CWD)
    _assert_short_plain_lines(result.stderr)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_listening(server: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"serve-recording is not listening on {port} (exit {server.poll()})")


def _assert_short_plain_lines(stderr: str) -> None:
    lines = stderr.splitlines()
    assert lines
    assert max(len(line) for line in lines) < 200
    assert "\x1b[" not in stderr  # no colours when stderr is not a terminal


def test_log_lines_are_cut_below_200_characters() -> None:
    import logging

    formatter = logs.ShortLineFormatter(logs.FORMAT)
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "a" * 500 + "\n" + "b", None, None)
    lines = formatter.format(record).splitlines()
    assert len(lines[0]) == logs.MAX_LINE and lines[0].endswith("…")
    assert lines[1] == "b"


def test_report_periods_default_is_the_documented_one() -> None:
    assert parse_periods(None) == DEFAULT_PERIODS == ("day", "week", "month")


def test_home_holds_the_config_and_the_duckdb_file(tmp_path: Path, monkeypatch) -> None:
    import argparse

    import dlt

    from pipelines import home

    (tmp_path / ".dlt").mkdir()
    (tmp_path / ".dlt" / "config.toml").write_text('[sources.matomo]\nurl = "http://home/"\n')
    monkeypatch.delenv("SOURCES__MATOMO__URL", raising=False)
    monkeypatch.setenv(home.HOME_ENV, str(tmp_path))
    args = argparse.Namespace(home=None, duckdb="sub/w.duckdb")
    before = os.environ.get(home.DLT_PROJECT_ENV)
    with home.activated(args) as folder:
        assert folder == tmp_path.resolve()
        assert args.duckdb == str(tmp_path.resolve() / "sub" / "w.duckdb")
        assert dlt.config.get("sources.matomo.url") == "http://home/"
    assert os.environ.get(home.DLT_PROJECT_ENV) == before
    assert dlt.config.get("sources.matomo.url") != "http://home/"


def test_a_missing_home_is_one_line_and_exit_2(capsys) -> None:
    from pipelines import cli

    assert cli.main(["--home", "/no/such/folder", "status"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "error: --home /no/such/folder: no such folder; create it or point --home elsewhere"
    ]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal_and_lines_elsewhere(caplog) -> None:
    terminal = _Terminal()
    bar = logs.Progress(stream=terminal)
    bar.plan(7)
    for _ in range(7):
        bar.day(10)
    bar.end()
    assert "\r[" in terminal.getvalue() and "7/7 days (100%), 70 visits" in terminal.getvalue()
    assert "\x1b" not in terminal.getvalue() and terminal.getvalue().endswith("\r")
    caplog.set_level("INFO", logger="matomo_warehouse")
    plain = logs.Progress(stream=io.StringIO(), every=3600)
    plain.plan(7)
    for _ in range(7):
        plain.day(10)
    assert [r.getMessage() for r in caplog.records] == ["live progress: 7/7 days (100%), 70 visits"]
    assert plain.stream.getvalue() == ""
