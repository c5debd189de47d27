{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'id_visit'],
        on_schema_change='append_new_columns',
    )
}}
/*
  Referrers.* report labels of every visit: one row per (visit, report) the visit is a row of.
  Matomo: plugins/Referrers/RecordBuilders/Referrers.php groups the visits by (referer_type,
  referer_name, referer_keyword, referer_url) and sums those SQL groups into each report's rows
  (API.php getAll = the type rows' subtables merged; labels plugins/Referrers/functions.php):
  - getReferrerType: the type's name (Direct Entry, Search Engines, Websites, Campaigns,
    Social Networks);
  - getAll: search -> keyword, website / social / campaign -> referrer name; direct: no row;
  - getWebsites / getSocials / getCampaigns / getSearchEngines: the referrer name;
  - getKeywords: the keyword; an empty keyword is `Keyword not defined`.
  uniq_group is that SQL group: a row's nb_uniq_visitors / nb_users is the SUM of each group's
  distinct counts, not the distinct count over the row (docs/matomo-report-rules.md 1.3-1.5).
*/
with incremental_window as (

    -- incremental by visit: the visits int_matomo__incremental_window says changed
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

visits as (

    select
        id_site as site_id,
        id_visit,
        referrer_type,
        referrer_name,
        referrer_keyword,
        coalesce(referrer_keyword, 'Keyword not defined') as keyword_label,
        {{ dbt.concat([
            "coalesce(referrer_type, '')", "'|'", "coalesce(referrer_name, '')", "'|'",
            "coalesce(referrer_keyword, '')", "'|'", "coalesce(referrer_url, '')",
        ]) }} as uniq_group,
        dlt_load_id
    from {{ ref('int_matomo__visits') }} as v
    {%- if is_incremental() %}
    where (v.id_site, v.id_visit) in ({{ incremental_window('changed_visit') }})
    {%- endif %}

),

labels as (

    select
        site_id, id_visit, 'Referrers.getReferrerType' as matomo_report,
        case referrer_type
            when 'direct' then 'Direct Entry'
            when 'search' then 'Search Engines'
            when 'website' then 'Websites'
            when 'campaign' then 'Campaigns'
            when 'social' then 'Social Networks'
        end as label,
        uniq_group,
        dlt_load_id
    from visits
    union all
    select
        site_id, id_visit, 'Referrers.getAll',
        case when referrer_type = 'search' then keyword_label else referrer_name end,
        uniq_group,
        dlt_load_id
    from visits
    where referrer_type in ('search', 'website', 'social', 'campaign')
    union all
    select site_id, id_visit, 'Referrers.getWebsites', referrer_name, uniq_group, dlt_load_id
    from visits where referrer_type = 'website'
    union all
    select site_id, id_visit, 'Referrers.getSearchEngines', referrer_name, uniq_group, dlt_load_id
    from visits where referrer_type = 'search'
    union all
    select site_id, id_visit, 'Referrers.getKeywords', keyword_label, uniq_group, dlt_load_id
    from visits where referrer_type = 'search'
    union all
    select site_id, id_visit, 'Referrers.getSocials', referrer_name, uniq_group, dlt_load_id
    from visits where referrer_type = 'social'
    union all
    select site_id, id_visit, 'Referrers.getCampaigns', referrer_name, uniq_group, dlt_load_id
    from visits where referrer_type = 'campaign'

)

select site_id, id_visit, matomo_report, label, uniq_group, dlt_load_id
from labels
where label is not null
