
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "id_site","id_visit","visit_date","is_bounce","pageviews", 'actual' as "actual_or_expected"
  from (
    
/*
  One row per visit with what the visit-level metrics need: the site-local date of the last
  action (Matomo's day of the visit, computed with the site's IANA timezone), entry/exit
  page (first / last pageview), bounce and converted flags.
*/

with  __dbt__cte__int_matomo__incremental_window as (

-- Fixture for int_matomo__incremental_window
select cast(null as character varying(256)) as "model_name", cast(null as character varying(256)) as "window_kind", cast(null as BIGINT) as "id_site", cast(null as BIGINT) as "id_visit", cast(null as DATE) as "day"
    limit 0
),  __dbt__cte__stg_matomo__visits as (

-- Fixture for stg_matomo__visits
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", cast(null as DATE) as "loader_visit_date", 
    
    cast('Asia/Kolkata' as character varying)
 as "site_timezone", 
    
    cast(1791223200 as BIGINT)
 as "first_action_epoch", 
    
    cast(1791225900 as BIGINT)
 as "last_action_epoch", 
    
    cast(2700 as BIGINT)
 as "visit_duration_seconds", 
    
    cast(2 as BIGINT)
 as "actions", cast(null as BIGINT) as "interactions", cast(null as BIGINT) as "searches", cast(null as BIGINT) as "events", cast(null as BIGINT) as "goal_conversions", 
    
    cast(False as BOOLEAN)
 as "is_converted", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as BIGINT) as "abandoned_carts", cast(null as DECIMAL(38,9)) as "abandoned_carts_revenue", cast(null as BIGINT) as "abandoned_carts_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as FLOAT) as "latitude", cast(null as FLOAT) as "longitude", cast(null as BIGINT) as "truncated_actions_count", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", cast(null as DATE) as "loader_visit_date", 
    
    cast('Asia/Kolkata' as character varying)
 as "site_timezone", 
    
    cast(1791223200 as BIGINT)
 as "first_action_epoch", 
    
    cast(1791223200 as BIGINT)
 as "last_action_epoch", 
    
    cast(0 as BIGINT)
 as "visit_duration_seconds", 
    
    cast(1 as BIGINT)
 as "actions", cast(null as BIGINT) as "interactions", cast(null as BIGINT) as "searches", cast(null as BIGINT) as "events", cast(null as BIGINT) as "goal_conversions", 
    
    cast(False as BOOLEAN)
 as "is_converted", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as BIGINT) as "abandoned_carts", cast(null as DECIMAL(38,9)) as "abandoned_carts_revenue", cast(null as BIGINT) as "abandoned_carts_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as FLOAT) as "latitude", cast(null as FLOAT) as "longitude", cast(null as BIGINT) as "truncated_actions_count", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", cast(null as DATE) as "loader_visit_date", 
    
    cast('America/New_York' as character varying)
 as "site_timezone", 
    
    cast(1791257400 as BIGINT)
 as "first_action_epoch", 
    
    cast(1791257400 as BIGINT)
 as "last_action_epoch", 
    
    cast(0 as BIGINT)
 as "visit_duration_seconds", 
    
    cast(1 as BIGINT)
 as "actions", cast(null as BIGINT) as "interactions", cast(null as BIGINT) as "searches", cast(null as BIGINT) as "events", cast(null as BIGINT) as "goal_conversions", 
    
    cast(True as BOOLEAN)
 as "is_converted", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as BIGINT) as "abandoned_carts", cast(null as DECIMAL(38,9)) as "abandoned_carts_revenue", cast(null as BIGINT) as "abandoned_carts_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as FLOAT) as "latitude", cast(null as FLOAT) as "longitude", cast(null as BIGINT) as "truncated_actions_count", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(4 as BIGINT)
 as "id_visit", cast(null as DATE) as "loader_visit_date", 
    
    cast('America/New_York' as character varying)
 as "site_timezone", 
    
    cast(1793507400 as BIGINT)
 as "first_action_epoch", 
    
    cast(1793507400 as BIGINT)
 as "last_action_epoch", 
    
    cast(0 as BIGINT)
 as "visit_duration_seconds", 
    
    cast(3 as BIGINT)
 as "actions", cast(null as BIGINT) as "interactions", cast(null as BIGINT) as "searches", cast(null as BIGINT) as "events", cast(null as BIGINT) as "goal_conversions", 
    
    cast(False as BOOLEAN)
 as "is_converted", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as BIGINT) as "abandoned_carts", cast(null as DECIMAL(38,9)) as "abandoned_carts_revenue", cast(null as BIGINT) as "abandoned_carts_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as FLOAT) as "latitude", cast(null as FLOAT) as "longitude", cast(null as BIGINT) as "truncated_actions_count", cast(null as character varying(256)) as "dlt_load_id"
),  __dbt__cte__stg_matomo__sites as (

-- Fixture for stg_matomo__sites
select 
    
    cast(1 as BIGINT)
 as "id_site", cast(null as character varying(256)) as "site_name", cast(null as character varying(256)) as "main_url", 
    
    cast('America/New_York' as character varying)
 as "timezone", cast(null as character varying(256)) as "currency", cast(null as BOOLEAN) as "is_ecommerce", cast(null as BOOLEAN) as "has_site_search", cast(null as character varying(256)) as "site_type", cast(null as TIMESTAMP) as "created_at", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(2 as BIGINT)
 as "id_site", cast(null as character varying(256)) as "site_name", cast(null as character varying(256)) as "main_url", 
    
    cast('Asia/Kolkata' as character varying)
 as "timezone", cast(null as character varying(256)) as "currency", cast(null as BOOLEAN) as "is_ecommerce", cast(null as BOOLEAN) as "has_site_search", cast(null as character varying(256)) as "site_type", cast(null as TIMESTAMP) as "created_at", cast(null as character varying(256)) as "dlt_load_id"
),  __dbt__cte__int_matomo__pageviews as (

-- Fixture for int_matomo__pageviews
select cast(null as BIGINT) as "id_site", cast(null as BIGINT) as "id_visit", cast(null as BIGINT) as "action_position", cast(null as BIGINT) as "pageview_number", cast(null as BIGINT) as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as BOOLEAN) as "is_entry_page", cast(null as BOOLEAN) as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
    limit 0
), incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from __dbt__cte__int_matomo__incremental_window
    where model_name = ''

),

visits as (

    select v.* from __dbt__cte__stg_matomo__visits as v

),

sites as (

    select id_site, timezone from __dbt__cte__stg_matomo__sites

),

pageviews as (

    select p.* from __dbt__cte__int_matomo__pageviews as p

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
        (to_timestamp(v.first_action_epoch) at time zone coalesce(s.timezone, v.site_timezone))
            as first_action_local_at,
        (to_timestamp(v.last_action_epoch) at time zone coalesce(s.timezone, v.site_timezone))
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
        v.actions <= 1 as is_bounce,
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
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "id_site", "id_visit", "visit_date", "is_bounce", "pageviews", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast('2026-10-06' as DATE)
 as "visit_date", 
    
    cast(False as BOOLEAN)
 as "is_bounce", 
    
    cast(0 as BIGINT)
 as "pageviews"
union all
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast('2026-10-05' as DATE)
 as "visit_date", 
    
    cast(True as BOOLEAN)
 as "is_bounce", 
    
    cast(0 as BIGINT)
 as "pageviews"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast('2026-10-05' as DATE)
 as "visit_date", 
    
    cast(True as BOOLEAN)
 as "is_bounce", 
    
    cast(0 as BIGINT)
 as "pageviews"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(4 as BIGINT)
 as "id_visit", 
    
    cast('2026-11-01' as DATE)
 as "visit_date", 
    
    cast(False as BOOLEAN)
 as "is_bounce", 
    
    cast(0 as BIGINT)
 as "pageviews"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected