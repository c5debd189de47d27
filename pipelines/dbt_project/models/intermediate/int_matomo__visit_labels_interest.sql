{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'id_visit'],
        on_schema_change='append_new_columns',
    )
}}
/*
  VisitorInterest report labels of every visit (plugins/VisitorInterest/Archiver.php $timeGap /
  $pageGap, RecordBuilders/Engagement.php, LogAggregator::getSelectsFromRangedColumn:
  `sum(case when col between lo and hi)`, the last bucket `col > lo`); bucket bounds in
  int_matomo__visit_label_domains.
  - getNumberOfVisitsPerVisitDuration (visit_total_time = Live visitDuration, seconds): the
    BETWEENs overlap, so a visit of exactly 60, 120, 240, 420, 600 or 900 s is a row of TWO
    buckets (Matomo counts it twice); 1800 s is only `15-30 min` (`30+ min` is > 1800). The
    seconds labels use an en dash (U+2013).
  - getNumberOfVisitsPerPage (visit_total_actions = Live actions): 0-action visits are in no row.
  Rows carry nb_visits only.
*/
with incremental_window as (

    -- incremental by visit: the visits int_matomo__incremental_window says changed
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

visits as (

    select id_site as site_id, id_visit, visit_duration_seconds, actions, dlt_load_id
    from {{ ref('int_matomo__visits') }} as v
    {%- if is_incremental() %}
    where (v.id_site, v.id_visit) in ({{ incremental_window('changed_visit') }})
    {%- endif %}

),

buckets as (

    select matomo_report, label, range_min, range_max
    from {{ ref('int_matomo__visit_label_domains') }}
    where range_min is not null

),

measured as (

    -- the visit column each report buckets
    select v.site_id, v.id_visit, v.dlt_load_id, b.matomo_report, b.label, b.range_min, b.range_max,
           case b.matomo_report
               when 'VisitorInterest.getNumberOfVisitsPerVisitDuration' then v.visit_duration_seconds
               else v.actions
           end as measure
    from visits as v
    cross join buckets as b

)

select site_id, id_visit, matomo_report, label, label as uniq_group, dlt_load_id
from measured
where measure >= range_min and (range_max is null or measure <= range_max)
