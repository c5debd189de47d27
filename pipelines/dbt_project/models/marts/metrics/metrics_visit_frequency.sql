/*
  VisitFrequency.get per site and period (label ''): VisitsSummary's metrics of new visits
  (`*_new`, segment visitorType==new) and of returning visits (`*_returning`,
  visitorType==returning,visitorType==returningCustomer). Matomo: plugins/VisitFrequency/API.php
  (the VisitsSummary archive of each segment, columns suffixed), so VisitsSummary's rules apply
  inside each segment (core/ArchiveProcessor/PluginsArchiver.php, ArchiveProcessor::
  enrichWithUniqueVisitorsMetric): a visit counts on the local day of its last action; week /
  month = sums (max for max_actions) except nb_uniq_visitors_* / nb_users_*, recounted distinct
  over the period within the segment and capped at nb_visits_*; year: no uniques
  (enable_processing_unique_visitors_year = 0). Ratios from the period's sums, PHP-rounded.
*/
{%- set bounce_max = var('matomo__bounce_max_actions', 1) | int %}
{%- set segments = {'new': "v.visitor_type = 'new'", 'returning': "v.visitor_type <> 'new'"} %}

with periods as (

    {{ metrics_periods() }}

),

visits as (

    select id_site as site_id, visit_date as day, id_visit, visitor_id, user_id, visitor_type, actions,
           visit_duration_seconds, is_converted
    from {{ ref('int_matomo__visits') }}
    where visitor_type is not null

),

aggregated as (

    select
        p.site_id,
        p.period,
        p.date,
        {%- for s, cond in segments.items() %}
        count(v.id_visit) filter (where {{ cond }}) as nb_visits_{{ s }},
        count(distinct v.visitor_id) filter (where {{ cond }}) as distinct_visitors_{{ s }},
        count(distinct v.user_id) filter (where {{ cond }}) as distinct_users_{{ s }},
        coalesce(sum(v.actions) filter (where {{ cond }}), 0) as nb_actions_{{ s }},
        coalesce(max(v.actions) filter (where {{ cond }}), 0) as max_actions_{{ s }},
        coalesce(sum(v.visit_duration_seconds) filter (where {{ cond }}), 0) as sum_visit_length_{{ s }},
        count(v.id_visit) filter (where {{ cond }} and v.actions <= {{ bounce_max }}) as bounce_count_{{ s }},
        count(v.id_visit) filter (where {{ cond }} and v.is_converted) as nb_visits_converted_{{ s }}
        {{- ',' if not loop.last }}
        {%- endfor %}
    from periods as p
    left join visits as v
        on v.site_id = p.site_id and v.day = p.day
    group by p.site_id, p.period, p.date

)

select
    site_id,
    period,
    date,
    'VisitFrequency.get' as matomo_report,
    '' as label,
    {%- for s in segments %}
    cast(case when period <> 'year' then least(distinct_visitors_{{ s }}, nb_visits_{{ s }}) end
        as {{ dbt.type_bigint() }}) as nb_uniq_visitors_{{ s }},
    cast(case when period <> 'year' then least(distinct_users_{{ s }}, nb_visits_{{ s }}) end
        as {{ dbt.type_bigint() }}) as nb_users_{{ s }},
    cast(nb_visits_{{ s }} as {{ dbt.type_bigint() }}) as nb_visits_{{ s }},
    cast(nb_actions_{{ s }} as {{ dbt.type_bigint() }}) as nb_actions_{{ s }},
    cast(nb_visits_converted_{{ s }} as {{ dbt.type_bigint() }}) as nb_visits_converted_{{ s }},
    cast(bounce_count_{{ s }} as {{ dbt.type_bigint() }}) as bounce_count_{{ s }},
    cast(sum_visit_length_{{ s }} as {{ dbt.type_bigint() }}) as sum_visit_length_{{ s }},
    cast(max_actions_{{ s }} as {{ dbt.type_bigint() }}) as max_actions_{{ s }},
    {{ php_ratio('bounce_count_' ~ s, 'nb_visits_' ~ s, 2) }} as bounce_rate_{{ s }},
    {{ php_ratio('nb_actions_' ~ s, 'nb_visits_' ~ s, 1) }} as nb_actions_per_visit_{{ s }},
    {{ php_ratio('sum_visit_length_' ~ s, 'nb_visits_' ~ s, 0) }} as avg_time_on_site_{{ s }},
    {%- endfor %}
    {{ metrics_load_id() }} as dlt_load_id
from aggregated
