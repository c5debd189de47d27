"""`matomo-warehouse dashboard`: static pages of the published demo marts, opened in headless
Chromium (Debian's `chromium`; `.ci/run` installs it): they render, log nothing to the console,
load nothing from the network and show Matomo's own numbers."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import main
from pipelines.publish import published_path

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CONSOLE = re.compile(r":CONSOLE[:(]")  # chromium --enable-logging: one line per console message


@pytest.fixture(scope="module")
def pages(demo_warehouse, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dashboard")
    assert main(["dashboard", "--duckdb", str(demo_warehouse), "--out", str(out)]) == 0
    return out


def open_in_chromium(page: Path) -> tuple[str, list[str]]:
    """The rendered DOM of `page` and the console messages Chromium logged while loading it."""
    assert CHROMIUM, "headless Chromium is missing: apt-get install -y chromium"
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout, [line for line in result.stderr.splitlines() if CONSOLE.search(line)]


def test_console_errors_are_detected(tmp_path):
    """The check below can fail: a page with a console error and a script error is caught."""
    page = tmp_path / "broken.html"
    page.write_text("<html><body><script>console.error('canary'); nope();</script></body></html>")
    _, console = open_in_chromium(page)
    assert len(console) == 2, console
    assert "canary" in console[0]


def test_every_page_renders_without_console_messages(pages):
    names = sorted(p.name for p in pages.glob("*.html"))
    assert names == ["index.html", "site-1.html", "site-2.html"]
    for page in pages.glob("*.html"):
        dom, console = open_in_chromium(page)
        assert not console, (page.name, console)
        assert "</main>" in dom, page.name
    shop, _ = open_in_chromium(pages / "site-1.html")
    assert shop.count("<svg") >= 5  # visits, channels, countries, devices, orders


def test_pages_load_nothing_and_run_nothing(pages):
    for page in pages.glob("*.html"):
        html = page.read_text()
        assert "<script" not in html
        assert not re.search(r"""(src|href)=["']?(https?:)?//|url\(|@import""", html), page.name


def test_numbers_are_matomos(demo_warehouse, pages):
    """The KPI tiles show VisitsSummary.get of the period they name, as Matomo reported it."""
    html = (pages / "site-1.html").read_text()
    period, start = re.search(r"Tables and figures: (\w+) (\d{4}-\d\d-\d\d)", html).groups()
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        visits, uniques = con.execute(
            "select nb_visits, nb_uniq_visitors from matomo_raw.report_visits_summary_get "
            "where id_site = 1 and period = ? and date = ? order by _dlt_load_id desc limit 1",
            [period, start],
        ).fetchone()
    assert f"Visits<b>{visits:,}</b>" in html
    assert f"Unique visitors<b>{uniques:,}</b>" in html
    assert "reconciled with Matomo" in html and "cells match" in html


def test_unpublished_warehouse_is_one_line_error(tmp_path, capsys):
    warehouse = tmp_path / "w.duckdb"
    duckdb.connect(str(warehouse)).close()
    assert main(["dashboard", "--duckdb", str(warehouse)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"error: no published marts at {published_path(warehouse)}; "
        "run `matomo-warehouse transform` (or run / demo)"
    ]
