{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'id_visit'],
        on_schema_change='append_new_columns',
    )
}}
/*
  VisitTime report labels of every visit (one row per visit and report), `00`..`23`:
  - getVisitInformationPerLocalTime: the visitor's browser clock hour (Live visitLocalHour;
    plugins/VisitTime/RecordBuilders/LocalTime.php, HOUR(visitor_localtime));
  - getVisitInformationPerServerTime: HOUR(visit_first_action_time) in UTC shown in the site
    timezone (RecordBuilders/ServerTime.php; macro server_hour_label), on the visit's day.
  The API lists all 24 hours (int_matomo__visit_label_domains).
*/
with incremental_window as (

    -- incremental by visit: the visits int_matomo__incremental_window says changed
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

visits as (

    select
        v.id_site as site_id,
        v.id_visit,
        v.visit_date,
        v.timezone,
        v.visit_local_hour,
        s.first_action_epoch,
        v.dlt_load_id
    from {{ ref('int_matomo__visits') }} as v
    inner join {{ ref('stg_matomo__visits') }} as s
        on s.id_site = v.id_site and s.id_visit = v.id_visit
    {%- if is_incremental() %}
    where (v.id_site, v.id_visit) in ({{ incremental_window('changed_visit') }})
    {%- endif %}

),

labels as (

    select
        site_id, id_visit, 'VisitTime.getVisitInformationPerLocalTime' as matomo_report,
        lpad(cast(visit_local_hour as {{ dbt.type_string() }}), 2, '0') as label,
        dlt_load_id
    from visits
    where visit_local_hour is not null
    union all
    select
        site_id, id_visit, 'VisitTime.getVisitInformationPerServerTime',
        {{ server_hour_label('first_action_epoch', 'visit_date', 'timezone') }},
        dlt_load_id
    from visits

)

select site_id, id_visit, matomo_report, label, label as uniq_group, dlt_load_id
from labels
