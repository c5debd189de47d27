/*
  CustomDimensions.getCustomDimension?idDimension=<id> per site, period and row, as Matomo's API
  gives it: visit-scope dimensions one row per value, action-scope dimensions with flat=1 (the
  catalogue loads them so) one row per value and URL, labelled `<value> - <url>`.
  Rules (docs/matomo-report-rules.md 1.16, 2.9; Matomo 5.0.2
  plugins/CustomDimensions/RecordBuilders/CustomDimension.php, core/ArchiveProcessor.php):
  - visit scope: the visit's final value, counted on the local day of its last action (Live's
    list of that day); visit metrics like VisitsSummary (day: nb_uniq_visitors, nb_users;
    week+: sum_daily_nb_uniq_visitors / sum_daily_nb_users = sums of the day values), ratios
    recomputed. Matomo's goal columns (nb_conversions, revenue, `goals`) take the value a visit
    had when it converted, which Live does not show (it gives the final value): published as
    conversions_by_final_value / revenue_by_final_value (abandoned carts left out), not compared.
  - action scope (queryCustomDimensionActions): actions (page views, events, downloads, outlinks,
    contents, site searches; not conversions) grouped by (value, URL without scheme and `www.`);
    per group nb_hits = rows, nb_visits / nb_uniq_visitors = distinct visits / visitors,
    bounce_count = rows of visits with at most one action; the URL rows are the groups, site
    searches (no URL) are in no URL row: a value only site searches carried keeps its own row.
  - week/month/year: the sums of the days by label (max_actions: max), ratios recomputed.
*/
with periods as (

    select site_id, period, date, day from {{ ref('int_metrics__periods') }}

),

dim_values as (

    select * from {{ ref('fct_custom_dimension_values') }}

),

visits as (

    select id_site, id_visit, visitor_id, user_id, actions, visit_duration_seconds, is_bounce, is_converted
    from {{ ref('int_matomo__visits') }}

),

visit_rows as (

    select
        x.site_id, x.date as day, x.dimension_id, x.label,
        v.id_visit, v.visitor_id, v.user_id, v.actions, v.visit_duration_seconds, v.is_bounce, v.is_converted
    from dim_values as x
    inner join visits as v on x.site_id = v.id_site and x.id_visit = v.id_visit
    where x.dimension_scope = 'visit'

),

visit_days as (

    select
        site_id, day, dimension_id, label,
        count(distinct visitor_id) as nb_uniq_visitors,
        count(*) as nb_visits,
        sum(actions) as nb_actions,
        count(distinct user_id) as nb_users,
        max(actions) as max_actions,
        sum(visit_duration_seconds) as sum_visit_length,
        sum(case when is_bounce then 1 else 0 end) as bounce_count,
        sum(case when is_converted then 1 else 0 end) as nb_visits_converted
    from visit_rows
    group by site_id, day, dimension_id, label

),

goal_days as (

    select
        site_id, day, dimension_id, label,
        -- a row with any conversion (abandoned carts included) has both, 0 when only carts
        sum(case when idgoal <> 'ecommerceAbandonedCart' then nb_conversions else 0 end) as nb_conversions,
        sum(case when idgoal <> 'ecommerceAbandonedCart' then revenue else 0 end) as revenue
    from {{ ref('int_metrics__custom_dimension_goal_days') }}
    group by site_id, day, dimension_id, label

),

visit_scope as (

    select
        coalesce(v.site_id, g.site_id) as site_id,
        coalesce(v.day, g.day) as day,
        coalesce(v.dimension_id, g.dimension_id) as dimension_id,
        coalesce(v.label, g.label) as label,
        coalesce(v.nb_uniq_visitors, 0) as nb_uniq_visitors,
        coalesce(v.nb_visits, 0) as nb_visits,
        coalesce(v.nb_actions, 0) as nb_actions,
        coalesce(v.nb_users, 0) as nb_users,
        coalesce(v.max_actions, 0) as max_actions,
        coalesce(v.sum_visit_length, 0) as sum_visit_length,
        coalesce(v.bounce_count, 0) as bounce_count,
        coalesce(v.nb_visits_converted, 0) as nb_visits_converted,
        g.nb_conversions,
        g.revenue
    from visit_days as v
    full outer join goal_days as g
        on
            v.site_id = g.site_id and v.day = g.day
            and v.dimension_id = g.dimension_id and v.label = g.label

),

visit_periods as (

    select
        p.site_id, p.period, p.date, s.dimension_id, s.label,
        case when p.period = 'day' then sum(s.nb_uniq_visitors) end as nb_uniq_visitors,
        case when p.period <> 'day' then sum(s.nb_uniq_visitors) end as sum_daily_nb_uniq_visitors,
        case when p.period = 'day' then sum(s.nb_users) end as nb_users,
        case when p.period <> 'day' then sum(s.nb_users) end as sum_daily_nb_users,
        sum(s.nb_visits) as nb_visits,
        sum(s.nb_actions) as nb_actions,
        max(s.max_actions) as max_actions,
        sum(s.sum_visit_length) as sum_visit_length,
        sum(s.bounce_count) as bounce_count,
        sum(s.nb_visits_converted) as nb_visits_converted,
        sum(s.nb_conversions) as nb_conversions,
        sum(s.revenue) as revenue
    from visit_scope as s
    inner join periods as p on s.site_id = p.site_id and s.day = p.day
    group by p.site_id, p.period, p.date, s.dimension_id, s.label

),

action_groups as (

    select
        p.site_id, p.period, p.date, g.dimension_id, g.label, g.url,
        sum(g.nb_hits) as nb_hits,
        sum(g.nb_visits) as nb_visits,
        sum(g.nb_uniq_visitors) as nb_uniq_visitors,
        sum(g.bounce_count) as bounce_count
    from {{ ref('int_metrics__custom_dimension_action_groups') }} as g
    inner join periods as p on g.site_id = p.site_id and g.day = p.day
    group by p.site_id, p.period, p.date, g.dimension_id, g.label, g.url

),

action_values as (

    -- values with a URL row in the period show only those (flat=1); the others keep their row
    select site_id, period, date, dimension_id, label, max(case when url is not null then 1 else 0 end) as has_url
    from action_groups
    group by site_id, period, date, dimension_id, label

),

action_periods as (

    select
        g.site_id, g.period, g.date, g.dimension_id,
        case when g.url is null then g.label else {{ dbt.concat(['g.label', "' - '", 'g.url']) }} end as label,
        case when g.period = 'day' then g.nb_uniq_visitors end as nb_uniq_visitors,
        case when g.period <> 'day' then g.nb_uniq_visitors end as sum_daily_nb_uniq_visitors,
        g.nb_hits,
        g.nb_visits,
        g.bounce_count
    from action_groups as g
    inner join action_values as v
        on
            g.site_id = v.site_id and g.period = v.period and g.date = v.date
            and g.dimension_id = v.dimension_id and g.label = v.label
    where g.url is not null or v.has_url = 0

),

final as (

    select
        site_id, period, date, dimension_id, 'visit' as dimension_scope, label,
        nb_uniq_visitors, sum_daily_nb_uniq_visitors, nb_users, sum_daily_nb_users,
        nb_visits, nb_actions, max_actions, sum_visit_length, bounce_count, nb_visits_converted,
        nb_conversions, revenue,
        cast(null as {{ dbt.type_bigint() }}) as nb_hits,
        {{ php_ratio('sum_visit_length', 'nb_visits', 0) }} as avg_time_on_site,
        {{ php_ratio('bounce_count', 'nb_visits', 2) }} as bounce_rate,
        {{ php_ratio('nb_actions', 'nb_visits', 1) }} as nb_actions_per_visit
    from visit_periods
    union all
    select
        site_id, period, date, dimension_id, 'action' as dimension_scope, label,
        nb_uniq_visitors, sum_daily_nb_uniq_visitors,
        cast(null as {{ dbt.type_bigint() }}) as nb_users,
        cast(null as {{ dbt.type_bigint() }}) as sum_daily_nb_users,
        nb_visits,
        cast(null as {{ dbt.type_bigint() }}) as nb_actions,
        cast(null as {{ dbt.type_bigint() }}) as max_actions,
        cast(null as {{ dbt.type_bigint() }}) as sum_visit_length,
        bounce_count,
        cast(null as {{ dbt.type_bigint() }}) as nb_visits_converted,
        cast(null as {{ dbt.type_bigint() }}) as nb_conversions,
        cast(null as decimal(18, 2)) as revenue,
        nb_hits,
        cast(null as {{ type_double() }}) as avg_time_on_site,
        {{ php_ratio('bounce_count', 'nb_visits', 2) }} as bounce_rate,
        cast(null as {{ type_double() }}) as nb_actions_per_visit
    from action_periods

)

select
    f.site_id,
    f.period,
    f.date,
    {%- set report = "'CustomDimensions.getCustomDimension?idDimension='" %}
    {{ dbt.concat([report, dbt.cast('f.dimension_id', dbt.type_string())]) }} as matomo_report,
    f.label,
    f.dimension_id,
    d.dimension_name,
    f.dimension_scope,
    cast(f.nb_uniq_visitors as {{ dbt.type_bigint() }}) as nb_uniq_visitors,
    cast(f.sum_daily_nb_uniq_visitors as {{ dbt.type_bigint() }}) as sum_daily_nb_uniq_visitors,
    cast(f.nb_users as {{ dbt.type_bigint() }}) as nb_users,
    cast(f.sum_daily_nb_users as {{ dbt.type_bigint() }}) as sum_daily_nb_users,
    cast(f.nb_visits as {{ dbt.type_bigint() }}) as nb_visits,
    cast(f.nb_actions as {{ dbt.type_bigint() }}) as nb_actions,
    cast(f.max_actions as {{ dbt.type_bigint() }}) as max_actions,
    cast(f.sum_visit_length as {{ dbt.type_bigint() }}) as sum_visit_length,
    cast(f.bounce_count as {{ dbt.type_bigint() }}) as bounce_count,
    cast(f.nb_visits_converted as {{ dbt.type_bigint() }}) as nb_visits_converted,
    cast(f.nb_conversions as {{ dbt.type_bigint() }}) as conversions_by_final_value,
    cast(f.revenue as decimal(18, 2)) as revenue_by_final_value,
    cast(f.nb_hits as {{ dbt.type_bigint() }}) as nb_hits,
    f.avg_time_on_site,
    f.bounce_rate,
    f.nb_actions_per_visit,
    {{ metrics_load_id() }} as dlt_load_id
from final as f
left join {{ ref('dim_custom_dimensions') }} as d
    on f.site_id = d.site_id and f.dimension_id = d.dimension_id
