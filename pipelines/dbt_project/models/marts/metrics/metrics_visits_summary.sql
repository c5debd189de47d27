{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'period', 'date'],
        on_schema_change='append_new_columns',
    )
}}
/*
  VisitsSummary.get (matomo_report 'VisitsSummary.get', label '') per site and period: day,
  and week / month / year when all their days are loaded (int_metrics__periods).
  Matomo's rules (docs/matomo-report-rules.md 0.3, 1.1):
  - day: core/ArchiveProcessor/PluginsArchiver.php aggregateDayVisitsMetrics; a period:
    aggregateMultipleVisitsMetrics -> ArchiveProcessor::aggregateNumericMetrics: sums of the
    days, max_actions the max;
  - nb_uniq_visitors / nb_users: recounted distinct over the week or month
    (ArchiveProcessor::enrichWithUniqueVisitorsMetric / computeNbUniques, capped at nb_visits);
    absent (NULL) at year: config/global.ini.php enable_processing_unique_visitors_year = 0;
  - bounce_rate (2 dp), nb_actions_per_visit (1 dp), avg_time_on_site (0 dp) recomputed from
    the period's sums (plugins/CoreHome/Columns/Metrics: BounceRate, ActionsPerVisit,
    AverageTimeOnSite; Piwik::getQuotientSafe, 0 when there is no visit).
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
    where (v.id_site, v.visit_date) in (select site_id, day from periods)
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
    -- a day counts distinct visitors; week and month recount over the period (Matomo caps
    -- the recount at nb_visits); a year has none
    case when period <> 'year' then least(distinct_visitors, nb_visits) end as nb_uniq_visitors,
    case when period <> 'year' then least(distinct_users, nb_visits) end as nb_users,
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
