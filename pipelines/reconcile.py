"""Compare the metric marts with Matomo's own reports (the `reconciliation` dbt model).

`run(warehouse)` reads `matomo_audit.reconciliation` (built by `pipelines.transform.build`),
prints a per-report summary table to stdout and lists unexplained differences; returns 1
when any cell is unexplained (mismatch, missing_in_mart, missing_in_matomo), else 0.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pipelines import warehouse
from pipelines.warehouse import Warehouse

log = logging.getLogger("matomo_warehouse")

EXPLAINED_PREFIX = "explained_"
# Goals.get is one report with several request variants (no idGoal, each idGoal,
# ecommerceOrder, ecommerceAbandonedCart): summarize each on its own line.
REPORT_SCOPE_SQL = """
case
    when report <> 'Goals.get' then report
    when label = 'all' then 'Goals.get (overall)'
    when label in ('ecommerceOrder', 'ecommerceAbandonedCart') then 'Goals.get (' || label || ')'
    else 'Goals.get (idGoal)'
end
"""
SUMMARY_SQL = f"""
select
    {REPORT_SCOPE_SQL} as report,
    count(*) as compared,
    count(*) filter (where status = 'match') as matched,
    count(*) filter (where status like 'explained_%') as explained,
    count(*) filter (where status <> 'match' and status not like 'explained_%') as mismatched
from matomo_audit.reconciliation
group by 1
order by 1
"""
EXISTS_SQL = """
select count(*) from information_schema.tables
where table_schema = 'matomo_audit' and table_name = 'reconciliation'
"""
PROBLEMS_SQL = """
select site_id, period, date, report, label, metric, matomo_value, mart_value, status
from matomo_audit.reconciliation
where status <> 'match' and status not like 'explained_%'
order by report, site_id, period, date, label, metric
limit ?
"""


def summary(target: str | Path | Warehouse) -> list[tuple[str, int, int, int, int]] | None:
    """(report, compared, matched, explained, mismatched) per report (Goals.get per variant);
    None when the reconciliation was not built."""
    with warehouse.resolve(target).connect(read_only=True) as con:
        if not con.execute(EXISTS_SQL).fetchone()[0]:
            return None
        return [tuple(row) for row in con.execute(SUMMARY_SQL).fetchall()]


def problems(target: str | Path | Warehouse, limit: int = 20) -> list[tuple]:
    with warehouse.resolve(target).connect(read_only=True) as con:
        return con.execute(PROBLEMS_SQL, [limit]).fetchall()


def format_table(rows: list[tuple[str, int, int, int, int]]) -> str:
    header = ("report", "compared", "matched", "explained", "mismatched")
    totals = ("TOTAL", *(sum(r[i] for r in rows) for i in range(1, 5)))
    body = [header, *rows, totals]
    width = max(len(str(r[0])) for r in body)
    lines = [f"{r[0]:<{width}}  " + "  ".join(f"{r[i]!s:>10}" for i in range(1, 5)) for r in body]
    lines.insert(1, "-" * len(lines[0]))
    lines.insert(len(lines) - 1, "-" * len(lines[0]))
    return "\n".join(lines)


def run(target: str | Path | Warehouse, *, show: int = 20) -> int:
    """Print the reconciliation summary; 1 on any unexplained difference, else 0."""
    rows = summary(target)
    if rows is None:
        log.error("no matomo_audit.reconciliation in %s: run the dbt transform first", target)
        return 1
    print(format_table(rows))
    bad = sum(r[4] for r in rows)
    if not rows:
        log.warning(
            "reconciliation compared nothing: no day has both Live visits and Matomo reports "
            "loaded (Live disabled, or reports not loaded)"
        )
    if bad:
        log.error("%d unexplained difference(s) between the marts and Matomo", bad)
        for row in problems(target, show):
            site, period, date, report, label, metric, matomo, mart, status = row
            log.error(
                "  %s site=%s %s %s label=%r %s: matomo=%s mart=%s (%s)",
                report,
                site,
                period,
                date,
                label,
                metric,
                matomo,
                mart,
                status,
            )
        return 1
    log.info("reconciliation: every compared cell matches or is explained")
    return 0
