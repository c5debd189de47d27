{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'period', 'date'],
        on_schema_change='append_new_columns',
    )
}}
/*
  VisitsSummary.get per site and period (day; week and month when all their days are loaded).
  Sums over the days, except nb_uniq_visitors / nb_users (recomputed over the whole period,
  capped at nb_visits) and max_actions (max). Ratios PHP-rounded like Matomo.
*/
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

periods as (

    {{ metrics_periods() }}

),

visits as (

    select v.* from {{ ref('int_matomo__visits') }} as v
    {%- if is_incremental() %}
    where (id_site, visit_date) in (select id_site, visit_date from (select distinct site_id as id_site, day as visit_date from periods) as d)
    {%- endif %}

),

aggregated as (

    select
        p.site_id,
        p.period,
        p.date,
        count(v.id_visit) as nb_visits,
        count(distinct v.visitor_id) as distinct_visitors,
        count(distinct v.user_id) as distinct_users,
        cast(coalesce(sum(v.actions), 0) as {{ dbt.type_bigint() }}) as nb_actions,
        coalesce(max(v.actions), 0) as max_actions,
        cast(coalesce(sum(v.visit_duration_seconds), 0) as {{ dbt.type_bigint() }}) as sum_visit_length,
        count(v.id_visit) filter (where v.actions <= {{ var('matomo__bounce_max_actions', 1) }}) as bounce_count,
        count(v.id_visit) filter (where v.is_converted) as nb_visits_converted
    from periods as p
    left join visits as v
        on v.id_site = p.site_id and v.visit_date = p.day
    group by p.site_id, p.period, p.date

)

select
    site_id,
    period,
    date,
    'VisitsSummary.get' as matomo_report,
    '' as label,
    nb_visits,
    -- a day counts distinct visitors; week and month recount over the period (Matomo
    -- caps the recount at nb_visits)
    least(distinct_visitors, nb_visits) as nb_uniq_visitors,
    least(distinct_users, nb_visits) as nb_users,
    nb_actions,
    max_actions,
    sum_visit_length,
    bounce_count,
    nb_visits_converted,
    {{ php_ratio('bounce_count', 'nb_visits', 2) }} as bounce_rate,
    {{ php_ratio('nb_actions', 'nb_visits', 1) }} as nb_actions_per_visit,
    {{ php_ratio('sum_visit_length', 'nb_visits', 0) }} as avg_time_on_site,
    {{ metrics_load_id() }} as dlt_load_id
from aggregated
