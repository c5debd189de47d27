"""The metric marts reproduce Matomo's own numbers on the bundled recording."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from pipelines import reconcile, transform, workflow

# Every report the metric marts reproduce; Goals.get once per request variant
# (reconcile.summary splits it). Each must have compared cells, some of them non-zero on
# Matomo's side (an all-zero report would match vacuously), and no unexplained cell.
REQUIRED_REPORTS = (
    "VisitsSummary.get",
    "VisitsSummary.get (week/month)",
    "Actions.get",
    "Actions.getPageUrls",
    "Actions.getPageTitles",
    "Events.getCategory",
    "Events.getAction",
    "Events.getName",
    "Goals.get (overall)",
    "Goals.get (idGoal)",
    "Goals.get (ecommerceOrder)",
    "Goals.get (ecommerceAbandonedCart)",
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


def _nonzero_matches(path) -> dict[str, int]:
    with duckdb.connect(str(path)) as con:
        return dict(
            con.execute(
                f"""
                select {reconcile.REPORT_SCOPE_SQL} as report, count(*)
                from matomo_audit.reconciliation
                where status = 'match' and coalesce(matomo_value, 0) <> 0
                group by all
                """
            ).fetchall()
        )


def test_every_report_is_compared(built):
    rows = {r[0]: r for r in reconcile.summary(built)}
    not_compared = [r for r in REQUIRED_REPORTS if r not in rows or rows[r][1] == 0]
    assert not not_compared, f"reports with no compared cell: {not_compared}"
    nonzero = _nonzero_matches(built)
    vacuous = [r for r in REQUIRED_REPORTS if nonzero.get(r, 0) == 0]
    assert not vacuous, f"reports matching only zeros: {vacuous}"


def test_no_unexplained_difference(built, capsys):
    rows = {r[0]: r for r in reconcile.summary(built)}
    unexplained = {r: rows[r][4] for r in REQUIRED_REPORTS if r in rows and rows[r][4]}
    assert not unexplained, (unexplained, reconcile.problems(built, 20))
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
    # edited in place, without a new load id: incremental models only re-process visits and
    # days of newer loads (and the lookback window), so rebuild everything
    transform.build(copy, full_refresh=True)
    assert reconcile.run(copy) == 1
    bad = {(r[3], r[5]) for r in reconcile.problems(copy, 100) if r[8] == "mismatch"}
    assert ("VisitsSummary.get", "nb_actions") in bad
