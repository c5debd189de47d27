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
  - Label: the content name / piece as tracked.
  - Day: nb_impressions = impressions, nb_interactions = interactions of the local day;
    nb_visits / nb_uniq_visitors = distinct visits / visitors of the label's impressions;
    interaction_rate = interactions / impressions (4 dp).
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
        a.content_piece
    from {{ ref('int_matomo__actions') }} as a
    inner join {{ ref('int_matomo__visits') }} as v on v.id_site = a.id_site and v.id_visit = a.id_visit
    where a.action_type in ('content_impression', 'content_interaction')
      and exists (select 1 from periods as p where p.site_id = a.id_site and p.day = a.action_local_date)

),

labelled as (

    select 'Contents.getContentNames' as matomo_report, content_name as label, contents.* from contents
    union all
    select 'Contents.getContentPieces', content_piece, contents.* from contents

),

day_rows as (

    select
        id_site as site_id,
        day,
        matomo_report,
        label,
        count(distinct case when action_type = 'content_impression' then visitor_id end) as nb_uniq_visitors,
        count(distinct case when action_type = 'content_impression' then id_visit end) as nb_visits,
        count(*) filter (where action_type = 'content_impression') as nb_impressions,
        count(*) filter (where action_type = 'content_interaction') as nb_interactions
    from labelled
    group by id_site, day, matomo_report, label

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
