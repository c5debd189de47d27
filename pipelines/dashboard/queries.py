"""Every SQL query of the dashboard, against the published marts (`<stem>_bi.duckdb`).

One place, so the marts can be retargeted. The metric marts follow the issue-11 contract: one
row per (site_id, period, date, matomo_report, label), Matomo's metric names as columns; each
query picks its report by `matomo_report` and returns plain rows (`REPORTS`: the Matomo report
each dashboard number equals). Parameters: `$site`, `$period` and `$start` / `$end` (the period
the tables show: the newest complete month, else week, else day of VisitsSummary.get).
"""

from __future__ import annotations

import duckdb

# The Matomo report (and metric) each dashboard number equals.
REPORTS = {
    "kpis": "VisitsSummary.get",
    "visits_over_time": "VisitsSummary.get (period=day) nb_visits, nb_uniq_visitors",
    "pages": "Actions.getPageUrls (flat=1) nb_hits, nb_visits",
    "channels": "Referrers.getReferrerType nb_visits",
    "countries": "UserCountry.getCountry nb_visits",
    "devices": "DevicesDetection.getType nb_visits",
    "goals": "Goals.get?idGoal=<id> nb_conversions, revenue",
    "orders_over_time": "Goals.get?idGoal=ecommerceOrder (period=day) nb_conversions, revenue",
    "products": "Goals.getItemsName revenue, quantity, orders",
    "reconciliation": "matomo_audit.reconciliation",
}

SITES = """
select site_id, site_name, main_url, currency, timezone, is_ecommerce
from matomo.dim_sites order by site_id
"""

# the newest complete month, else week, else day: the period the tables and KPIs show
PERIOD = """
select period, date as start_date, cast(case period
        when 'week' then date + interval 6 day
        when 'month' then date + interval 1 month - interval 1 day
        else date end as date) as end_date
from matomo.metrics_visits_summary
where site_id = $site and matomo_report = 'VisitsSummary.get'
    and period in ('day', 'week', 'month')
order by case period when 'month' then 0 when 'week' then 1 else 2 end, date desc
limit 1
"""

KPIS = """
select nb_visits, nb_uniq_visitors, nb_actions, bounce_rate, nb_actions_per_visit,
    avg_time_on_site, nb_visits_converted
from matomo.metrics_visits_summary
where site_id = $site and matomo_report = 'VisitsSummary.get' and period = $period
    and date = $start
"""

VISITS_OVER_TIME = """
select date, nb_visits, nb_uniq_visitors
from matomo.metrics_visits_summary
where site_id = $site and matomo_report = 'VisitsSummary.get' and period = 'day'
order by date
"""

# key -> (metric mart, matomo_report, metric columns, ranking metric): the top 10 rows
RANKED = {
    "pages": ("metrics_pages", "Actions.getPageUrls", "nb_hits, nb_visits", "nb_hits"),
    "channels": ("metrics_visit_dimensions", "Referrers.getReferrerType", "nb_visits", "nb_visits"),
    "countries": ("metrics_visit_dimensions", "UserCountry.getCountry", "nb_visits", "nb_visits"),
    "devices": ("metrics_visit_dimensions", "DevicesDetection.getType", "nb_visits", "nb_visits"),
}
RANKED_SQL = """
select label, {metrics} from matomo.{mart}
where site_id = $site and period = $period and date = $start and matomo_report = $report
    and {rank} > 0
order by {rank} desc, label
limit 10
"""

GOALS = """
select coalesce(d.goal_name, g.matomo_report) as label, g.matomo_report, g.nb_conversions,
    g.revenue
from matomo.metrics_goals as g
left join matomo.dim_goals as d on d.site_id = g.site_id and d.goal_id = g.goal_id
where g.site_id = $site and g.period = $period and g.date = $start
    and g.matomo_report like 'Goals.get?idGoal=%'
order by g.goal_id desc
"""

ORDERS_OVER_TIME = """
select date, nb_conversions, revenue
from matomo.metrics_goals
where site_id = $site and period = 'day' and matomo_report = 'Goals.get?idGoal=ecommerceOrder'
order by date
"""

PRODUCTS = """
select label, revenue, quantity, orders
from matomo.metrics_products
where site_id = $site and period = $period and date = $start
    and matomo_report = 'Goals.getItemsName' and orders > 0
order by revenue desc, label
limit 10
"""

RECONCILIATION = """
select count(*) as compared,
    count(*) filter (where status = 'match') as matched,
    count(*) filter (where status like 'explained%') as explained
from matomo_audit.reconciliation
where site_id = $site
"""


def ranked(con: duckdb.DuckDBPyConnection, key: str, **params) -> list[dict]:
    """The top rows of one report (`RANKED`) for the period."""
    mart, report, metrics, rank = RANKED[key]
    sql = RANKED_SQL.format(metrics=metrics, mart=mart, rank=rank)
    return rows(con, sql, report=report, **params)


def rows(con: duckdb.DuckDBPyConnection, sql: str, **params) -> list[dict]:
    """The rows of `sql` as dicts; parameters the query does not use are left out."""
    used = {k: v for k, v in params.items() if f"${k}" in sql}
    cursor = con.execute(sql, used)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    sql = "select count(*) from duckdb_tables() where schema_name = $s and table_name = $t"
    return con.execute(sql, {"s": schema, "t": table}).fetchone()[0] > 0
