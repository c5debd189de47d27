"""The metric marts reproduce Matomo's own numbers on the bundled recording."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from pipelines import reconcile, transform, workflow

REQUIRED_REPORTS = (
    "VisitsSummary.get",
    "VisitsSummary.get (week/month)",
    "Actions.get",
    "Actions.getPageUrls",
    "Actions.getPageTitles",
    "Events.getCategory",
    "Events.getAction",
    "Events.getName",
    "Goals.get",
    "Goals.getItemsSku",
    "Goals.getItemsName",
    "Goals.getItemsCategory",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("recon") / "warehouse.duckdb"
    assert workflow.demo(path, transform=False) == 0
    transform.build(path)  # the singular reconciliation test may fail; reconcile reports why
    return path


def test_every_report_is_compared(built):
    rows = {r[0]: r for r in reconcile.summary(built)}
    for report in REQUIRED_REPORTS:
        assert report in rows, report
        assert rows[report][1] > 0, report
        assert rows[report][2] > 0, report


def test_no_unexplained_difference(built, capsys):
    code = reconcile.run(built)
    out = capsys.readouterr().out
    assert "TOTAL" in out
    assert code == 0, reconcile.problems(built, 20)


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
    transform.build(copy)
    assert reconcile.run(copy) == 1
    bad = {(r[3], r[5]) for r in reconcile.problems(copy, 100) if r[8] == "mismatch"}
    assert ("VisitsSummary.get", "nb_actions") in bad
