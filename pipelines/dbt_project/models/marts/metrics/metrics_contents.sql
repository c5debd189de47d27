{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'period', 'date'],
        on_schema_change='append_new_columns',
    )
}}
/*
  Contents.getContentNames and Contents.getContentPieces per site, period and label
  (matomo_report says which report). Matomo 5.0.2: plugins/Contents/RecordBuilders/
  ContentRecords.php; docs/matomo-report-rules.md 2.8.
  - Label: the content name / piece as tracked; an empty piece is `Content Piece not defined`
    (plugins/Contents/API.php). Actions without a content name are not counted.
  - Day: impressions are counted per (piece, target, name) group and summed into the row, so
    nb_visits / nb_uniq_visitors are sums of per-group distinct counts; nb_interactions =
    interactions of the local day, counted only in a row that has impressions that day (an
    interaction of a label without impression is dropped); interaction_rate = interactions /
    impressions (4 dp).
  - Week / month / year: sums by label; nb_uniq_visitors -> sum_daily_nb_uniq_visitors;
    interaction_rate recomputed.
*/
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

periods as (

    {{ metrics_periods() }}

),

contents as (

    select
        a.id_site,
        a.action_local_date as day,
        a.id_visit,
        v.visitor_id,
        a.action_type,
        a.content_name,
        a.content_piece,
        a.content_target
    from {{ ref('int_matomo__actions') }} as a
    inner join {{ ref('int_matomo__visits') }} as v on v.id_site = a.id_site and v.id_visit = a.id_visit
    where a.action_type in ('content_impression', 'content_interaction')
      and a.content_name is not null
      and exists (select 1 from periods as p where p.site_id = a.id_site and p.day = a.action_local_date)

),

impression_groups as (

    -- Matomo's impression query: one group per (piece, target, name)
    select
        id_site, day, content_name,
        coalesce(nullif(content_piece, ''), 'Content Piece not defined') as piece_label,
        count(distinct id_visit) as nb_visits,
        count(distinct visitor_id) as nb_uniq_visitors,
        count(*) as nb_impressions
    from contents
    where action_type = 'content_impression'
    group by id_site, day, content_name, content_piece, content_target

),

impressions as (

    {%- for report, label in [('getContentNames', 'content_name'), ('getContentPieces', 'piece_label')] %}
    select
        id_site, day, 'Contents.{{ report }}' as matomo_report, {{ label }} as label,
        sum(nb_visits) as nb_visits, sum(nb_uniq_visitors) as nb_uniq_visitors,
        sum(nb_impressions) as nb_impressions
    from impression_groups
    group by id_site, day, {{ label }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

interactions as (

    -- labelled by the raw name / piece (no `not defined` label for interactions)
    {%- for report, label in [('getContentNames', 'content_name'), ('getContentPieces', 'content_piece')] %}
    select id_site, day, 'Contents.{{ report }}' as matomo_report, {{ label }} as label, count(*) as nb_interactions
    from contents
    where action_type = 'content_interaction'
    group by id_site, day, {{ label }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

day_rows as (

    -- interactions count only in a row that has impressions on the day (aggregateInteractionRow)
    select
        m.id_site as site_id,
        m.day,
        m.matomo_report,
        m.label,
        m.nb_uniq_visitors,
        m.nb_visits,
        m.nb_impressions,
        coalesce(i.nb_interactions, 0) as nb_interactions
    from impressions as m
    left join interactions as i
        on i.id_site = m.id_site and i.day = m.day and i.matomo_report = m.matomo_report and i.label = m.label

),

period_rows as (

    {{ rollup_day_rows('day_rows', ['matomo_report', 'label'],
        sums=['nb_visits', 'nb_impressions', 'nb_interactions'], uniques=['nb_uniq_visitors']) }}

)

select
    site_id,
    period,
    date,
    matomo_report,
    label,
    cast(nb_uniq_visitors as {{ dbt.type_bigint() }}) as nb_uniq_visitors,
    cast(sum_daily_nb_uniq_visitors as {{ dbt.type_bigint() }}) as sum_daily_nb_uniq_visitors,
    cast(nb_visits as {{ dbt.type_bigint() }}) as nb_visits,
    cast(nb_impressions as {{ dbt.type_bigint() }}) as nb_impressions,
    cast(nb_interactions as {{ dbt.type_bigint() }}) as nb_interactions,
    {{ php_ratio('nb_interactions', 'nb_impressions', 4) }} as interaction_rate,
    {{ metrics_load_id() }} as dlt_load_id
from period_rows
