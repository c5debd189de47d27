/*
  The per-goal columns Matomo nests in visit-dimension rows (`goals` keyed `idgoal=<id>`), one
  row per site, period, report, label and idgoal (`1`, `ecommerceOrder`,
  `ecommerceAbandonedCart`). Reports: Referrers.*, UserCountry.getCountry,
  DevicesDetection.getType / getBrowsers, VisitTime.getVisitInformationPerServerTime.
  Rules (docs/matomo-report-rules.md 0.5; Matomo: LogAggregator::queryConversionsByDimension +
  Metrics::makeGoalColumnsRow in each RecordBuilder):
  - conversions on their own local day, with the visit's label (server time: the conversion's
    own hour);
  - nb_conversions = conversions, nb_visits_converted = distinct converting visits, revenue;
    ecommerceOrder adds revenue_subtotal / _tax / _shipping / _discount and items, abandoned
    carts add items; a goal without conversions in the row has no row here;
  - week / month / year: the days summed, nb_visits_converted included (not recounted).
*/
{%- set goal_reports = visit_dimension_goal_reports() %}

with periods as (

    {{ metrics_periods() }}

),

day_goals as (

    select
        site_id, day, matomo_report, label, idgoal,
        count(*) as nb_conversions,
        count(distinct id_visit) as nb_visits_converted,
        sum(coalesce(revenue, 0)) as revenue,
        sum(revenue_subtotal) as revenue_subtotal,
        sum(revenue_tax) as revenue_tax,
        sum(revenue_shipping) as revenue_shipping,
        sum(revenue_discount) as revenue_discount,
        sum(items) as items
    from ({{ visit_dimension_conversion_labels(goal_reports) }}) as c
    group by site_id, day, matomo_report, label, idgoal

),

aggregated as (

    select
        p.site_id, p.period, p.date, g.matomo_report, g.label, g.idgoal,
        sum(g.nb_conversions) as nb_conversions,
        sum(g.nb_visits_converted) as nb_visits_converted,
        sum(g.revenue) as revenue,
        sum(g.revenue_subtotal) as revenue_subtotal,
        sum(g.revenue_tax) as revenue_tax,
        sum(g.revenue_shipping) as revenue_shipping,
        sum(g.revenue_discount) as revenue_discount,
        sum(g.items) as items
    from periods as p
    inner join day_goals as g
        on g.site_id = p.site_id and g.day = p.day
    group by p.site_id, p.period, p.date, g.matomo_report, g.label, g.idgoal

)

select
    site_id,
    period,
    date,
    matomo_report,
    label,
    idgoal,
    cast(nb_conversions as {{ dbt.type_bigint() }}) as nb_conversions,
    cast(nb_visits_converted as {{ dbt.type_bigint() }}) as nb_visits_converted,
    cast(revenue as {{ mart_money_type() }}) as revenue,
    cast(revenue_subtotal as {{ mart_money_type() }}) as revenue_subtotal,
    cast(revenue_tax as {{ mart_money_type() }}) as revenue_tax,
    cast(revenue_shipping as {{ mart_money_type() }}) as revenue_shipping,
    cast(revenue_discount as {{ mart_money_type() }}) as revenue_discount,
    cast(items as {{ dbt.type_bigint() }}) as items,
    {{ metrics_load_id() }} as dlt_load_id
from aggregated
