{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'id_visit'],
        on_schema_change='append_new_columns',
    )
}}
/*
  One row per visit and report for the visit reports whose rows Matomo labels with a NAME looked
  up from a code (seeds built by scripts/build_lookup_seeds.py from Matomo 5.0.2's own data):
  - UserCountry.getCountry: countryTranslate(location_country) (plugins/UserCountry/functions.php);
    the API merges `ti` into `cn` (China); `xx`, empty and untranslated codes are `Unknown`.
  - UserLanguage.getLanguage: the archive keeps `lang` / `lang-country`, the API groups by the
    language part (groupByLangCallback) and labels it with languageTranslate
    (plugins/UserLanguage/functions.php): `en-us` -> `English`; empty, `xx` and codes Matomo does
    not know (stored as `xx`) are `Unknown`.
  - DevicesDetection.getOsFamilies: GroupBy getOSFamilyFullName(config_os)
    (plugins/DevicesDetection/functions.php, DeviceDetector OperatingSystem::getOsFamily):
    `WIN` -> `Windows`, `IPA` -> `iOS`, `UBT` -> `GNU/Linux`; `UNK` and unmapped codes `Unknown`.
  uniq_group is Matomo's SQL group inside the row: the code as stored (the archivers group by
  location_country / location_browser_lang / config_os, then merge codes into one label and SUM
  their unique visitors: iOS = uniques of IOS + uniques of IPA).
  A visit counts on its Matomo day (int_matomo__visits.visit_date: local day of the last action);
  the visit-dimension marts join this model on (site_id, id_visit) and group by (report, label).
*/
with incremental_window as (

    -- incremental by visit: the visits int_matomo__incremental_window says changed
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

visits as (

    select
        id_site,
        id_visit,
        country_code,
        language_code,
        operating_system_code,
        dlt_load_id
    from {{ ref('int_matomo__visits') }} as v
    {%- if is_incremental() %}
    where (v.id_site, v.id_visit) in ({{ incremental_window('changed_visit') }})
    {%- endif %}

),

countries as (

    select country_code, country_name from {{ ref('matomo_country_names') }}

),

languages as (

    select language_code, language_name from {{ ref('matomo_language_names') }}

),

os_families as (

    select os_code, os_family from {{ ref('matomo_os_families') }}

),

labels as (

    select
        v.id_site,
        v.id_visit,
        'UserCountry.getCountry' as matomo_report,
        -- Intl_Country_<CODE> is looked up upper-cased: the code's case does not matter
        coalesce(c.country_name, 'Unknown') as label,
        v.country_code as uniq_group,
        v.dlt_load_id
    from visits as v
    left join countries as c on c.country_code = lower(v.country_code)

    union all

    select
        v.id_site,
        v.id_visit,
        'UserLanguage.getLanguage',
        -- Matomo's language regex is lower-case only: `EN` is not English (no lower() here)
        coalesce(l.language_name, 'Unknown'),
        v.language_code,
        v.dlt_load_id
    from visits as v
    left join languages as l on l.language_code = split_part(v.language_code, '-', 1)

    union all

    select
        v.id_site,
        v.id_visit,
        'DevicesDetection.getOsFamilies',
        coalesce(o.os_family, 'Unknown'),
        v.operating_system_code,
        v.dlt_load_id
    from visits as v
    left join os_families as o on o.os_code = v.operating_system_code

)

select
    cast(id_site as {{ dbt.type_bigint() }}) as site_id,
    cast(id_visit as {{ dbt.type_bigint() }}) as id_visit,
    cast(matomo_report as {{ dbt.type_string() }}) as matomo_report,
    cast(label as {{ dbt.type_string() }}) as label,
    cast(coalesce(uniq_group, '') as {{ dbt.type_string() }}) as uniq_group,
    dlt_load_id
from labels
