"""Compare the metric marts with Matomo's own reports (the `reconciliation` dbt model).

`run(warehouse)` reads `matomo_audit.reconciliation` (built by `pipelines.transform.build`),
prints a summary per report and period (cells compared, matched, explained, unexplained) to
stdout and lists the unexplained cells; returns 1 when any cell is unexplained (mismatch,
missing_in_mart, missing_in_matomo), else 0.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pipelines import warehouse
from pipelines.warehouse import Warehouse

log = logging.getLogger("matomo_warehouse")

UNEXPLAINED = ("mismatch", "missing_in_mart", "missing_in_matomo")
_UNEXPLAINED_SQL = "status in ('mismatch', 'missing_in_mart', 'missing_in_matomo')"
PERIOD_ORDER_SQL = "case period when 'day' then 1 when 'week' then 2 when 'month' then 3 else 4 end"
SUMMARY_SQL = f"""
select
    matomo_report,
    period,
    count(*) as compared,
    count(*) filter (where status = 'match') as matched,
    count(*) filter (where status like 'explained_%') as explained,
    count(*) filter (where {_UNEXPLAINED_SQL}) as unexplained
from matomo_audit.reconciliation
group by matomo_report, period
order by matomo_report, {PERIOD_ORDER_SQL}
"""
EXISTS_SQL = """
select count(*) from information_schema.tables
where table_schema = 'matomo_audit' and table_name = 'reconciliation'
"""
PROBLEMS_SQL = f"""
select site_id, period, date, matomo_report, label, metric, matomo_value, mart_value, status
from matomo_audit.reconciliation
where {_UNEXPLAINED_SQL}
order by matomo_report, site_id, {PERIOD_ORDER_SQL}, date, label, metric
limit ?
"""
Summary = tuple[str, str, int, int, int, int]


def summary(target: str | Path | Warehouse) -> list[Summary] | None:
    """(report, period, compared, matched, explained, unexplained) per report and period;
    None when the reconciliation was not built."""
    with warehouse.resolve(target).connect(read_only=True) as con:
        if not con.execute(EXISTS_SQL).fetchone()[0]:
            return None
        return [tuple(row) for row in con.execute(SUMMARY_SQL).fetchall()]


def problems(target: str | Path | Warehouse, limit: int = 20) -> list[tuple]:
    """Unexplained cells: (site, period, date, report, label, metric, matomo, mart, status)."""
    with warehouse.resolve(target).connect(read_only=True) as con:
        return con.execute(PROBLEMS_SQL, [limit]).fetchall()


def format_table(rows: list[Summary]) -> str:
    header = ("report", "period", "compared", "matched", "explained", "unexplained")
    totals = ("TOTAL", "", *(sum(r[i] for r in rows) for i in range(2, 6)))
    body = [header, *rows, totals]
    width = max(len(str(r[0])) for r in body)
    lines = [
        f"{r[0]:<{width}}  {r[1]:<6}" + "".join(f"{r[i]!s:>12}" for i in range(2, 6)) for r in body
    ]
    lines.insert(1, "-" * len(lines[0]))
    lines.insert(len(lines) - 1, "-" * len(lines[0]))
    return "\n".join(lines)


def run(target: str | Path | Warehouse, *, show: int = 20) -> int:
    """Print the reconciliation summary; 1 on any unexplained cell, else 0."""
    rows = summary(target)
    if rows is None:
        log.error("no matomo_audit.reconciliation in %s: run the dbt transform first", target)
        return 1
    print(format_table(rows))
    if not rows:
        log.warning(
            "reconciliation compared nothing: no period has both Live visits and Matomo reports "
            "loaded (Live disabled, or reports not loaded)"
        )
    bad = sum(r[5] for r in rows)
    if bad:
        log.error("%d unexplained cell(s) between the marts and Matomo", bad)
        for row in problems(target, show):
            _log_problem(*row)
        return 1
    log.info("reconciliation: every compared cell matches or is explained")
    return 0


def _log_problem(site, period, date, report, label, metric, matomo, mart, status) -> None:
    log.error(
        "  %s site=%s %s %s label=%r %s: matomo=%s mart=%s (%s)",
        *(report, site, period, date, label, metric, matomo, mart, status),
    )
