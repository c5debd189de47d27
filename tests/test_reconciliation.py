"""The metric marts reproduce Matomo's own numbers, cell by cell, on real recordings: the
bundled `public` (demo) and `public-month` (a whole month: every week and the month archived).
`public-shapes` (row limits: Others rows) is reconciled by tests/test_shapes.py. Each warehouse
is loaded and built once (module fixtures); the reconciliation is strict (NULL is not 0)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines import reconcile, transform, workflow
from pipelines.cli import main
from pipelines.recording import RecordingServer, load_recording
from tests.conftest import TOKEN

MONTH = Path(__file__).parent / "fixtures" / "matomo-recordings" / "public-month"
# Reports and periods that must have compared cells, some non-zero on Matomo's side (an
# all-zero report would match vacuously). The other marts add theirs as they migrate.
REQUIRED = {
    "public": [(r, p) for r in ("VisitsSummary.get", "Actions.get") for p in ("day",)],
    "public-month": [
        (r, p) for r in ("VisitsSummary.get", "Actions.get") for p in ("day", "week", "month")
    ],
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("recon") / "warehouse.duckdb"
    assert workflow.demo(path, transform=False) == 0
    transform.build(path)  # the singular reconciliation test may fail; reconcile reports why
    return path


@pytest.fixture(scope="module")
def month(tmp_path_factory, monkeypatch_module):
    """public-month loaded (Live and reports, 2026-09-01..30) and built, once."""
    path = tmp_path_factory.mktemp("recon_month") / "warehouse.duckdb"
    monkeypatch_module.setenv("SOURCES__MATOMO__API_TOKEN", TOKEN)
    with RecordingServer(load_recording(MONTH), token=TOKEN) as server:
        args = ["run", "--url", server.url, "--duckdb", str(path), "--no-transform"]
        dates = ["--start-date", "2026-09-01", "--end-date", "2026-09-30"]
        assert main([*args, *dates, "--now", "2026-10-05T00:00:00Z"]) == 0
    transform.build(path)
    return path


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _nonzero_matches(path) -> set[tuple[str, str]]:
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute(
            "select distinct matomo_report, period from matomo_audit.reconciliation "
            "where status = 'match' and matomo_value <> 0"
        ).fetchall()
    return set(rows)


@pytest.mark.parametrize("recording", ["public", "public-month"])
def test_every_cell_is_explained(recording: str, request, capsys) -> None:
    path = request.getfixturevalue("built" if recording == "public" else "month")
    rows = reconcile.summary(path)
    compared = {(r[0], r[1]) for r in rows if r[2]}
    missing = [key for key in REQUIRED[recording] if key not in compared]
    assert not missing, f"reports with no compared cell: {missing}"
    vacuous = [key for key in REQUIRED[recording] if key not in _nonzero_matches(path)]
    assert not vacuous, f"reports matching only zeros: {vacuous}"
    unexplained = {(r[0], r[1]): r[5] for r in rows if r[5]}
    assert not unexplained, (unexplained, reconcile.problems(path, 20))
    assert reconcile.run(path) == 0
    out = capsys.readouterr().out
    assert "TOTAL" in out and "unexplained" in out


def test_user_id_login_explains_row_uniques(built) -> None:
    """Visit 114 (site 1, 2026-10-05) logged in as user-1010008@example.com mid-visit: Matomo
    counts its cookie idvisitor and the user's on `/` (52), Live shows one visitor (51)."""
    with duckdb.connect(str(built), read_only=True) as con:
        row = con.execute(
            "select matomo_value, mart_value, status from matomo_audit.reconciliation "
            "where site_id = 1 and period = 'day' and date = '2026-10-05' "
            "and matomo_report = 'Actions.getPageUrls' and label = '/' "
            "and metric = 'nb_uniq_visitors'"
        ).fetchone()
        logins = con.execute(
            "select count(*) from matomo.fct_visits where site_id = 1 and visit_id = 114 "
            "and user_id = 'user-1010008@example.com'"
        ).fetchone()[0]
    assert row == (52, 51, "explained_user_id_login")
    assert logins == 1


def test_keywords_are_distinct_over_the_period(month) -> None:
    """Actions.get nb_keywords of a week/month is the distinct keywords of the period (the
    issue's 10, not the 57 a sum of days gives): compared, and smaller than the day sum."""
    with duckdb.connect(str(month), read_only=True) as con:
        rows = con.execute(
            """
            select r.site_id, r.period, r.date, r.mart_value, sum(d.nb_keywords)
            from matomo_audit.reconciliation as r
            inner join matomo_intermediate.int_metrics__periods as p
                on p.site_id = r.site_id and p.period = r.period and p.date = r.date
            inner join matomo.metrics_actions as d
                on d.site_id = p.site_id and d.period = 'day' and d.date = p.day
            where r.matomo_report = 'Actions.get' and r.metric = 'nb_keywords'
                and r.period <> 'day' and r.status = 'match'
            group by all
            """
        ).fetchall()
    assert {r[1] for r in rows} == {"week", "month"}
    assert all(r[3] < r[4] for r in rows if r[4] > 1), rows


def test_corrupted_raw_visit_is_caught(built, tmp_path):
    copy = tmp_path / "corrupted.duckdb"
    shutil.copy(built, copy)
    with duckdb.connect(str(copy)) as con:
        site, visit = con.execute(
            "select id_site, id_visit from matomo_raw.visits order by id_site, id_visit limit 1"
        ).fetchone()
        con.execute(
            "update matomo_raw.visits set actions = actions + 7 where id_site = ? and id_visit = ?",
            [site, visit],
        )
    # edited in place, without a new load id: incremental models only re-process visits and
    # days of newer loads (and the lookback window), so rebuild everything
    transform.build(copy, full_refresh=True)
    assert reconcile.run(copy) == 1
    bad = {(r[3], r[5]) for r in reconcile.problems(copy, 100) if r[8] == "mismatch"}
    assert ("VisitsSummary.get", "nb_actions") in bad
