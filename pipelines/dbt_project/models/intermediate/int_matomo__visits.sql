{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['id_site', 'id_visit'],
        on_schema_change='append_new_columns',
    )
}}
/*
  One row per visit with what the visit-level metrics need: the site-local date of the last
  action (Matomo's day of the visit, computed with the site's IANA timezone), entry/exit
  page (first / last pageview), bounce and converted flags.
*/
{%- set bounce_max = var('matomo__bounce_max_actions', 1) | int %}

with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

visits as (

    select v.* from {{ ref('stg_matomo__visits') }} as v
    {%- if is_incremental() %}
    where (v.id_site, v.id_visit) in ({{ incremental_window('changed_visit') }})
    {%- endif %}

),

sites as (

    select id_site, timezone from {{ ref('stg_matomo__sites') }}

),

pageviews as (

    select p.* from {{ ref('int_matomo__pageviews') }} as p
    {%- if is_incremental() %}
    where (p.id_site, p.id_visit) in (select id_site, id_visit from visits)
    {%- endif %}

),

entry_exit as (

    select
        id_site,
        id_visit,
        max(case when is_entry_page then url end) as entry_page_url,
        max(case when is_entry_page then page_title end) as entry_page_title,
        max(case when is_exit_page then url end) as exit_page_url,
        max(case when is_exit_page then page_title end) as exit_page_title,
        count(*) as pageviews
    from pageviews
    group by id_site, id_visit

),

localized as (

    select
        v.*,
        coalesce(s.timezone, v.site_timezone) as timezone,
        {{ epoch_to_local_timestamp('v.first_action_epoch', 'coalesce(s.timezone, v.site_timezone)') }}
            as first_action_local_at,
        {{ epoch_to_local_timestamp('v.last_action_epoch', 'coalesce(s.timezone, v.site_timezone)') }}
            as last_action_local_at
    from visits as v
    left join sites as s on s.id_site = v.id_site

),

final as (

    select
        v.id_site,
        v.id_visit,
        cast(v.last_action_local_at as date) as visit_date,
        v.timezone,
        v.first_action_local_at,
        v.last_action_local_at,
        to_timestamp(v.first_action_epoch) as first_action_at,
        to_timestamp(v.last_action_epoch) as last_action_at,
        v.visitor_id,
        v.user_id,
        v.visitor_type,
        v.visit_count,
        v.days_since_first_visit,
        v.days_since_last_visit,
        e.entry_page_url,
        e.entry_page_title,
        e.exit_page_url,
        e.exit_page_title,
        coalesce(e.pageviews, 0) as pageviews,
        v.actions,
        v.visit_duration_seconds,
        v.actions <= {{ bounce_max }} as is_bounce,
        v.is_converted,
        v.goal_conversions,
        v.ecommerce_status,
        v.ecommerce_revenue,
        v.ecommerce_conversions,
        v.ecommerce_items,
        v.referrer_type,
        v.referrer_name,
        v.referrer_keyword,
        v.referrer_url,
        v.device_type,
        v.device_brand,
        v.device_model,
        v.operating_system_code,
        v.operating_system_name,
        v.browser_code,
        v.browser_name,
        v.resolution,
        v.visit_local_hour,
        v.language_code,
        v.continent_code,
        v.country_code,
        v.region_code,
        v.city,
        v.truncated_actions_count,
        v.truncated_actions_count > 0 as is_truncated,
        v.loader_visit_date,
        v.dlt_load_id
    from localized as v
    left join entry_exit as e
        on e.id_site = v.id_site
        and e.id_visit = v.id_visit

)

select * from final
