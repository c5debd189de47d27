{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'id_visit'],
        on_schema_change='append_new_columns',
    )
}}
/*
  Device, browser, resolution and user-id report labels of every visit (one row per visit and
  report). Matomo groups the visits by one log_visit column per report, so a row's uniques are
  plain distinct counts (uniq_group = the grouped column):
  - DevicesDetection.getType: Live deviceType, the API label (RecordBuilders/DeviceTypes.php,
    config_device_type); the API also lists every device type with 0 visits
    (int_matomo__visit_label_domains);
  - DevicesDetection.getBrowsers: Live browserName, grouped by browser code
    (RecordBuilders/Browsers.php, config_browser_name; label getBrowserName(code));
  - Resolution.getResolution: Live resolution (plugins/Resolution/RecordBuilders/Resolution.php);
  - UserId.getUsers: Live userId, visits without one are in no row
    (plugins/UserId/RecordBuilders/Users.php: user_id not null and != '').
*/
with incremental_window as (

    -- incremental by visit: the visits int_matomo__incremental_window says changed
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

visits as (

    select id_site as site_id, id_visit, device_type, browser_code, browser_name, resolution, user_id,
           dlt_load_id
    from {{ ref('int_matomo__visits') }} as v
    {%- if is_incremental() %}
    where (v.id_site, v.id_visit) in ({{ incremental_window('changed_visit') }})
    {%- endif %}

),

labels as (

    select site_id, id_visit, 'DevicesDetection.getType' as matomo_report, device_type as label,
           device_type as uniq_group, dlt_load_id
    from visits
    union all
    select site_id, id_visit, 'DevicesDetection.getBrowsers', browser_name, browser_code, dlt_load_id
    from visits
    union all
    select site_id, id_visit, 'Resolution.getResolution', resolution, resolution as resolution_group, dlt_load_id
    from visits
    union all
    select site_id, id_visit, 'UserId.getUsers', user_id, user_id as user_group, dlt_load_id
    from visits

)

select site_id, id_visit, matomo_report, label, uniq_group, dlt_load_id
from labels
where label is not null and label <> ''
