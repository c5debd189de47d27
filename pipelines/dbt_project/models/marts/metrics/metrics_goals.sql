{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'period', 'date'],
        on_schema_change='append_new_columns',
    )
}}
/*
  Goals.get per site and period (day; week / month / year when all their days are loaded), one
  row per report: `Goals.get` (overall), `Goals.get?idGoal=<id>` for each goal of the site,
  `Goals.get?idGoal=ecommerceOrder` / `ecommerceAbandonedCart` for ecommerce sites. label ''.
  Rules (Matomo 5.0.2; docs/matomo-report-rules.md 3.1):
  - Day (plugins/Goals/RecordBuilders/GeneralGoalsRecords.php, LogAggregator::queryConversionsByDimension):
    a conversion counts on its own site-local day. Per goal: nb_conversions = conversions,
    nb_visits_converted = distinct visits among them, revenue = round(Σ revenue, 2); orders add
    revenue_subtotal / tax / shipping / discount and items (Σ Live `items`), carts add items.
  - Overall: conversions and revenue of goals and orders (abandoned carts excluded);
    nb_visits_converted = VisitsSummary's (visits converted, on their last action's day).
  - `_new_visit` / `_returning_visit` (plugins/Goals/API.php::get: the same metrics under the
    segments visitorType==new and visitorType==returning,returningCustomer): conversions of
    visits whose Live visitorType is new (resp. returning / returningCustomer).
  - Week / month / year (ArchiveProcessor::aggregateNumericMetrics): every count and revenue is
    the sum of the days (nb_visits_converted too: not recounted).
  - Rates from the period's sums (Piwik::getQuotientSafe, 0 when dividing by 0):
    conversion_rate = nb_visits_converted / nb_visits of the period (of the segment for the
    suffixed ones; CoreHome/Columns/Metrics/ConversionRate.php, 4 dp); avg_order_revenue =
    revenue / nb_conversions (Goals/Columns/Metrics/AverageOrderRevenue.php, 2 dp).
  Metrics Matomo does not send for a report are NULL: items and avg_order_revenue exist only
  for the ecommerce reports, revenue_subtotal / tax / shipping / discount only for orders.
*/
{%- set suffixes = {'': none, '_new_visit': "= 'new'", '_returning_visit': "<> 'new'"} %}
{%- set money_sums = ['revenue_subtotal', 'revenue_tax', 'revenue_shipping', 'revenue_discount'] %}
{%- set order_report = "'Goals.get?idGoal=ecommerceOrder'" %}
{%- set cart_report = "'Goals.get?idGoal=ecommerceAbandonedCart'" %}

with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

periods as (

    {{ metrics_periods() }}

),

period_days as (

    select distinct site_id, day from periods

),

visitor_types as (

    -- new or returning (Live visitorType returning / returningCustomer) per visit
    select id_site, id_visit, visit_date, is_converted,
           case when visitor_type = 'new' then 'new' else 'returning' end as visitor_kind
    from {{ ref('int_matomo__visits') }}

),

conversions as (

    select c.id_site, c.day, c.matomo_report, c.id_visit, c.revenue, c.revenue_subtotal, c.revenue_tax,
           c.revenue_shipping, c.revenue_discount, c.items, v.visitor_kind
    from (
        select id_site, conversion_date as day,
               {{ dbt.concat(["'Goals.get?idGoal='", 'cast(goal_id as ' ~ dbt.type_string() ~ ')']) }} as matomo_report,
               id_visit, revenue, 0 as revenue_subtotal, 0 as revenue_tax, 0 as revenue_shipping,
               0 as revenue_discount, 0 as items
        from {{ ref('int_matomo__goal_conversions') }}
        union all
        select id_site, order_date, {{ order_report }}, id_visit, revenue, revenue_subtotal, revenue_tax,
               revenue_shipping, revenue_discount, items_quantity
        from {{ ref('int_matomo__ecommerce_orders') }}
        union all
        select id_site, cart_date, {{ cart_report }}, id_visit, revenue, 0, 0, 0, 0, items_quantity
        from {{ ref('int_matomo__abandoned_carts') }}
    ) as c
    inner join period_days as d on d.site_id = c.id_site and d.day = c.day
    left join visitor_types as v on v.id_site = c.id_site and v.id_visit = c.id_visit

),

goal_days as (

    -- one row per site, day and goal report: the day's numbers (Matomo's day archive)
    select
        id_site, day, matomo_report,
        {%- for suffix, test in suffixes.items() %}
        {%- set only = 'true' if test is none else 'visitor_kind ' ~ test %}
        count(case when {{ only }} then 1 end) as nb_conversions{{ suffix }},
        count(distinct case when {{ only }} then id_visit end) as nb_visits_converted{{ suffix }},
        {{ php_round('coalesce(sum(case when ' ~ only ~ ' then revenue end), 0)', 2) }} as revenue{{ suffix }},
        {%- for column in money_sums %}
        {{ php_round('coalesce(sum(case when ' ~ only ~ ' then ' ~ column ~ ' end), 0)', 2) }}
            as {{ column }}{{ suffix }},
        {%- endfor %}
        coalesce(sum(case when {{ only }} then items end), 0) as items{{ suffix }}{{ ',' if not loop.last }}
        {%- endfor %}
    from conversions
    group by id_site, day, matomo_report

),

visit_days as (

    -- the day's visits and converted visits (VisitsSummary), per visitor kind
    select
        v.id_site, v.visit_date as day,
        {%- for suffix, test in suffixes.items() %}
        {%- set only = 'true' if test is none else 'v.visitor_kind ' ~ test %}
        count(case when {{ only }} then 1 end) as nb_visits{{ suffix }},
        count(case when {{ only }} and v.is_converted then 1 end)
            as nb_visits_converted{{ suffix }}{{ ',' if not loop.last }}
        {%- endfor %}
    from visitor_types as v
    inner join period_days as d on d.site_id = v.id_site and d.day = v.visit_date
    group by v.id_site, v.visit_date

),

overall_days as (

    -- Goals.get without idGoal: goals and orders (not carts); converted visits = VisitsSummary's
    select
        d.site_id as id_site, d.day, 'Goals.get' as matomo_report,
        {%- for suffix in suffixes %}
        coalesce(sum(g.nb_conversions{{ suffix }}), 0) as nb_conversions{{ suffix }},
        coalesce(max(v.nb_visits_converted{{ suffix }}), 0) as nb_visits_converted{{ suffix }},
        coalesce(sum(g.revenue{{ suffix }}), 0) as revenue{{ suffix }},
        {%- for column in money_sums %}
        0 as {{ column }}{{ suffix }},
        {%- endfor %}
        0 as items{{ suffix }}{{ ',' if not loop.last }}
        {%- endfor %}
    from period_days as d
    left join visit_days as v on v.id_site = d.site_id and v.day = d.day
    left join goal_days as g
        on g.id_site = d.site_id and g.day = d.day and g.matomo_report <> {{ cart_report }}
    group by d.site_id, d.day

),

all_days as (

    select * from goal_days where matomo_report <> 'Goals.get'
    union all
    select * from overall_days

),

reports as (

    -- the Goals.get reports of each site: overall, each goal, ecommerce ones on ecommerce sites
    select distinct site_id, 'Goals.get' as matomo_report, cast(null as {{ dbt.type_bigint() }}) as goal_id
    from period_days
    union all
    select id_site, {{ dbt.concat(["'Goals.get?idGoal='", 'cast(goal_id as ' ~ dbt.type_string() ~ ')']) }}, goal_id
    from {{ ref('stg_matomo__goals') }}
    where goal_id > 0 and not is_deleted
    union all
    select id_site, {{ order_report }}, 0 from {{ ref('stg_matomo__sites') }} where is_ecommerce
    union all
    select id_site, {{ cart_report }}, -1 from {{ ref('stg_matomo__sites') }} where is_ecommerce

),

summed as (

    select
        p.site_id, p.period, p.date, r.matomo_report, r.goal_id,
        {%- for suffix in suffixes %}
        coalesce(sum(v.nb_visits{{ suffix }}), 0) as nb_visits{{ suffix }},
        coalesce(sum(g.nb_conversions{{ suffix }}), 0) as nb_conversions{{ suffix }},
        coalesce(sum(g.nb_visits_converted{{ suffix }}), 0) as nb_visits_converted{{ suffix }},
        coalesce(sum(cast(g.revenue{{ suffix }} as {{ mart_money_type() }})), 0) as revenue{{ suffix }},
        {%- for column in money_sums %}
        coalesce(sum(cast(g.{{ column }}{{ suffix }} as {{ mart_money_type() }})), 0) as {{ column }}{{ suffix }},
        {%- endfor %}
        coalesce(sum(g.items{{ suffix }}), 0) as items{{ suffix }}{{ ',' if not loop.last }}
        {%- endfor %}
    from periods as p
    inner join reports as r on r.site_id = p.site_id
    left join visit_days as v on v.id_site = p.site_id and v.day = p.day
    left join all_days as g
        on g.id_site = p.site_id and g.day = p.day and g.matomo_report = r.matomo_report
    group by p.site_id, p.period, p.date, r.matomo_report, r.goal_id

)

select
    s.site_id,
    s.period,
    s.date,
    s.matomo_report,
    '' as label,
    s.goal_id,
    {%- for suffix in suffixes %}
    cast(s.nb_conversions{{ suffix }} as {{ dbt.type_bigint() }}) as nb_conversions{{ suffix }},
    cast(s.nb_visits_converted{{ suffix }} as {{ dbt.type_bigint() }}) as nb_visits_converted{{ suffix }},
    cast(s.revenue{{ suffix }} as {{ mart_money_type() }}) as revenue{{ suffix }},
    {%- for column in money_sums %}
    cast(case when s.matomo_report = {{ order_report }} then s.{{ column }}{{ suffix }} end
         as {{ mart_money_type() }}) as {{ column }}{{ suffix }},
    {%- endfor %}
    cast(case when s.goal_id <= 0 then s.items{{ suffix }} end as {{ dbt.type_bigint() }}) as items{{ suffix }},
    cast(case when s.goal_id <= 0
         then {{ php_ratio('s.revenue' ~ suffix, 's.nb_conversions' ~ suffix, 2) }} end
         as {{ mart_money_type() }}) as avg_order_revenue{{ suffix }},
    {{ php_ratio('s.nb_visits_converted' ~ suffix, 's.nb_visits' ~ suffix, 4) }} as conversion_rate{{ suffix }},
    {%- endfor %}
    {{ metrics_load_id() }} as dlt_load_id
from summed as s
