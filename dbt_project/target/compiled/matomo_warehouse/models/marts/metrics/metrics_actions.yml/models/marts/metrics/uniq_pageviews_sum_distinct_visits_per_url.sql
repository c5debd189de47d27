
/*
  Actions.get per site and period: hits counted on the local day of each action;
  nb_uniq_* = sum over URLs (per day) of the distinct visits that hit the URL;
  nb_keywords = distinct site-search keywords of the day. Week / month = sums of the days.
*/
with  __dbt__cte__int_matomo__incremental_window as (

-- Fixture for int_matomo__incremental_window
select cast(null as character varying(256)) as "model_name", cast(null as character varying(256)) as "window_kind", cast(null as BIGINT) as "id_site", cast(null as BIGINT) as "id_visit", cast(null as DATE) as "day"
    limit 0
),  __dbt__cte__int_metrics__periods as (

-- Fixture for int_metrics__periods
select 
    
    cast(1 as BIGINT)
 as "site_id", 
    
    cast('day' as character varying)
 as "period", 
    
    cast('2026-10-05' as DATE)
 as "date", 
    
    cast('2026-10-05' as DATE)
 as "day"
union all
select 
    
    cast(1 as BIGINT)
 as "site_id", 
    
    cast('day' as character varying)
 as "period", 
    
    cast('2026-10-06' as DATE)
 as "date", 
    
    cast('2026-10-06' as DATE)
 as "day"
union all
select 
    
    cast(1 as BIGINT)
 as "site_id", 
    
    cast('week' as character varying)
 as "period", 
    
    cast('2026-10-05' as DATE)
 as "date", 
    
    cast('2026-10-05' as DATE)
 as "day"
union all
select 
    
    cast(1 as BIGINT)
 as "site_id", 
    
    cast('week' as character varying)
 as "period", 
    
    cast('2026-10-05' as DATE)
 as "date", 
    
    cast('2026-10-06' as DATE)
 as "day"
),  __dbt__cte__int_matomo__actions as (

-- Fixture for int_matomo__actions
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('https://shop.example.com/a' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('https://shop.example.com/a' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('https://shop.example.com/b' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('http://www.shop.example.com/a' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('download' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('https://shop.example.com/f.pdf' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast('download' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('https://shop.example.com/f.pdf' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(4 as BIGINT)
 as "action_position", 
    
    cast('site_search' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", 
    
    cast('Shoes' as character varying)
 as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast(4 as BIGINT)
 as "action_position", 
    
    cast('site_search' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", 
    
    cast('shoes' as character varying)
 as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-06' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('https://shop.example.com/a' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
),  __dbt__cte__stg_matomo__load_audit as (

-- Fixture for stg_matomo__load_audit
select cast(null as BIGINT) as "id_site", cast(null as DATE) as "visit_date", cast(null as BOOLEAN) as "is_final", cast(null as BIGINT) as "api_pages", cast(null as BIGINT) as "visits", cast(null as BIGINT) as "actions", cast(null as BIGINT) as "duplicate_visits", cast(null as BIGINT) as "other_day_visits", cast(null as BIGINT) as "truncated_visits", cast(null as TIMESTAMP) as "loaded_at", cast(null as character varying(256)) as "dlt_load_id"
    limit 0
),  __dbt__cte__int_matomo__visits as (

-- Fixture for int_matomo__visits
select cast(null as BIGINT) as "id_site", cast(null as BIGINT) as "id_visit", cast(null as DATE) as "visit_date", cast(null as character varying(256)) as "timezone", cast(null as TIMESTAMP) as "first_action_local_at", cast(null as TIMESTAMP) as "last_action_local_at", cast(null as TIMESTAMP WITH TIME ZONE) as "first_action_at", cast(null as TIMESTAMP WITH TIME ZONE) as "last_action_at", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "entry_page_url", cast(null as character varying(256)) as "entry_page_title", cast(null as character varying(256)) as "exit_page_url", cast(null as character varying(256)) as "exit_page_title", cast(null as BIGINT) as "pageviews", cast(null as BIGINT) as "actions", cast(null as BIGINT) as "visit_duration_seconds", cast(null as BOOLEAN) as "is_bounce", cast(null as BOOLEAN) as "is_converted", cast(null as BIGINT) as "goal_conversions", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as BIGINT) as "truncated_actions_count", cast(null as BOOLEAN) as "is_truncated", cast(null as DATE) as "loader_visit_date", cast(null as character varying(256)) as "dlt_load_id"
    limit 0
), incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from __dbt__cte__int_matomo__incremental_window
    where model_name = ''

),

periods as (

    select p.* from __dbt__cte__int_metrics__periods as p

),

actions as (

    select a.* from __dbt__cte__int_matomo__actions as a

),

per_url as (

    select
        id_site,
        action_local_date as day,
        action_type,
        coalesce(nullif(regexp_replace(url, '^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*', ''), ''), '/') as label,
        count(*) as hits,
        count(distinct id_visit) as visits
    from actions
    where action_type in ('pageview', 'download', 'outlink')
    group by all

),

per_day as (

    select
        id_site,
        day,
        sum(hits) filter (where action_type = 'pageview') as nb_pageviews,
        sum(visits) filter (where action_type = 'pageview') as nb_uniq_pageviews,
        sum(hits) filter (where action_type = 'download') as nb_downloads,
        sum(visits) filter (where action_type = 'download') as nb_uniq_downloads,
        sum(hits) filter (where action_type = 'outlink') as nb_outlinks,
        sum(visits) filter (where action_type = 'outlink') as nb_uniq_outlinks
    from per_url
    group by all

),

searches as (

    select
        id_site,
        action_local_date as day,
        count(*) as nb_searches,
        count(distinct search_keyword) as nb_keywords
    from actions
    where action_type = 'site_search'
    group by all

)

select
    p.site_id,
    p.period,
    p.date,
    cast(coalesce(sum(d.nb_pageviews), 0) as bigint) as nb_pageviews,
    cast(coalesce(sum(d.nb_uniq_pageviews), 0) as bigint) as nb_uniq_pageviews,
    cast(coalesce(sum(d.nb_downloads), 0) as bigint) as nb_downloads,
    cast(coalesce(sum(d.nb_uniq_downloads), 0) as bigint) as nb_uniq_downloads,
    cast(coalesce(sum(d.nb_outlinks), 0) as bigint) as nb_outlinks,
    cast(coalesce(sum(d.nb_uniq_outlinks), 0) as bigint) as nb_uniq_outlinks,
    cast(coalesce(sum(s.nb_searches), 0) as bigint) as nb_searches,
    cast(coalesce(sum(s.nb_keywords), 0) as bigint) as nb_keywords,
    (select max(load_id) from (
        select max(dlt_load_id) as load_id from __dbt__cte__stg_matomo__load_audit
        union all
        select max(dlt_load_id) from __dbt__cte__int_matomo__visits
        union all
        select max(dlt_load_id) from __dbt__cte__int_matomo__actions
    )) as dlt_load_id
from periods as p
left join per_day as d on d.id_site = p.site_id and d.day = p.day
left join searches as s on s.id_site = p.site_id and s.day = p.day
group by p.site_id, p.period, p.date