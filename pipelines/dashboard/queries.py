"""Every SQL query of the dashboard, against the published marts (`<stem>_bi.duckdb`).

One place, so the marts can be retargeted: each query returns plain rows and names the Matomo
report its numbers equal (`REPORTS`). Parameters: `$site`, and `$start` / `$end` (the period the
tables show: the newest complete month, else week, else day of `metrics_visits_summary`).

TODO(issue 11 contract): channels, countries and devices are computed from `fct_visits` until
`metrics_visit_dimensions` (Referrers.getReferrerType, UserCountry.getCountry,
DevicesDetection.getType by `matomo_report` + `label`) exists; pages, goals and products sum
the day rows of the period (additive metrics only) until those marts carry week/month rows.
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
where site_id = $site
order by case period when 'month' then 0 when 'week' then 1 else 2 end, date desc
limit 1
"""

KPIS = """
select nb_visits, nb_uniq_visitors, nb_actions, bounce_rate, nb_actions_per_visit,
    avg_time_on_site, nb_visits_converted
from matomo.metrics_visits_summary
where site_id = $site and period = $period and date = $start
"""

VISITS_OVER_TIME = """
select date, nb_visits, nb_uniq_visitors
from matomo.metrics_visits_summary
where site_id = $site and period = 'day'
order by date
"""

PAGES = """
select label, sum(nb_hits) as nb_hits, sum(nb_visits) as nb_visits
from matomo.metrics_page_urls
where site_id = $site and period = 'day' and date between $start and $end
group by label
order by nb_hits desc, label
limit 10
"""

# Matomo's labels of the referrer types (Referrers.getReferrerType)
CHANNEL_LABELS = """
select * from (values ('direct', 'Direct Entry'), ('search', 'Search Engines'),
    ('website', 'Websites'), ('campaign', 'Campaigns'), ('social', 'Social Networks'))
    as t (referrer_type, label)
"""

CHANNELS = f"""
select coalesce(l.label, v.referrer_type) as label, count(*) as nb_visits
from matomo.fct_visits as v
left join ({CHANNEL_LABELS}) as l on l.referrer_type = v.referrer_type
where v.site_id = $site and v.visit_date between $start and $end
group by 1
order by nb_visits desc, label
"""

COUNTRIES = """
select upper(coalesce(country_code, 'xx')) as label, count(*) as nb_visits
from matomo.fct_visits
where site_id = $site and visit_date between $start and $end
group by 1
order by nb_visits desc, label
limit 10
"""

DEVICES = """
select coalesce(device_type, 'Unknown') as label, count(*) as nb_visits
from matomo.fct_visits
where site_id = $site and visit_date between $start and $end
group by 1
order by nb_visits desc, label
"""

GOALS = """
select coalesce(d.goal_name, g.goal_param) as label, g.goal_param,
    sum(g.nb_conversions) as nb_conversions, sum(g.revenue) as revenue
from matomo.metrics_goals as g
left join matomo.dim_goals as d on d.site_id = g.site_id and d.goal_id = g.goal_id
where g.site_id = $site and g.period = 'day' and g.goal_id is not null
    and g.date between $start and $end
group by 1, 2, g.goal_id
order by g.goal_id desc
"""

ORDERS_OVER_TIME = """
select date, nb_conversions, revenue
from matomo.metrics_goals
where site_id = $site and period = 'day' and goal_id = 0
order by date
"""

PRODUCTS = """
select label, sum(revenue) as revenue, sum(quantity) as quantity, sum(orders) as orders
from matomo.metrics_products
where site_id = $site and period = 'day' and dimension = 'name'
    and date between $start and $end
group by label
having sum(orders) > 0
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


def rows(con: duckdb.DuckDBPyConnection, sql: str, **params) -> list[dict]:
    """The rows of `sql` as dicts; parameters the query does not use are left out."""
    used = {k: v for k, v in params.items() if f"${k}" in sql}
    cursor = con.execute(sql, used)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    sql = "select count(*) from duckdb_tables() where schema_name = $s and table_name = $t"
    return con.execute(sql, {"s": schema, "t": table}).fetchone()[0] > 0
