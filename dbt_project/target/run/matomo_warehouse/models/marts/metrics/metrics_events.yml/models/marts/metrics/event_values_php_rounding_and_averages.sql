
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "dimension","label","nb_events","nb_visits","sum_event_value","nb_events_with_value","min_event_value","max_event_value","avg_event_value", 'actual' as "actual_or_expected"
  from (
    
/*
  Events.getCategory / getAction / getName per site, local day and label (`dimension` says
  which report). nb_visits = sum over the row's (category, action, name) groups of their
  distinct visits; values: missing counts as 0 in the sum, not in nb_events_with_value.
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
),  __dbt__cte__int_matomo__actions as (

-- Fixture for int_matomo__actions
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('event' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast('Video' as character varying)
 as "event_category", 
    
    cast('play' as character varying)
 as "event_action", 
    
    cast('intro' as character varying)
 as "event_name", 
    
    cast(0.1 as DECIMAL(38,9))
 as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('event' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast('Video' as character varying)
 as "event_category", 
    
    cast('play' as character varying)
 as "event_action", 
    
    cast('outro' as character varying)
 as "event_name", 
    
    cast(0.025 as DECIMAL(38,9))
 as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast('event' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast('Video' as character varying)
 as "event_category", 
    
    cast('pause' as character varying)
 as "event_action", 
    
    cast('' as character varying)
 as "event_name", 
    
    cast(null as DECIMAL(38,9))
 as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('event' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast('Video' as character varying)
 as "event_category", 
    
    cast('pause' as character varying)
 as "event_action", 
    
    cast('' as character varying)
 as "event_name", 
    
    cast(0 as DECIMAL(38,9))
 as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
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

days as (

    select site_id, day from (select p.* from __dbt__cte__int_metrics__periods as p) where period = 'day'

),

events as (

    select
        id_site,
        action_local_date as day,
        id_visit,
        event_category as category,
        coalesce(nullif(event_action, ''), 'Event Action not defined') as action,
        coalesce(nullif(event_name, ''), 'Event Name not defined') as name,
        event_value
    from __dbt__cte__int_matomo__actions as a
    where action_type = 'event'

),

groups as (

    select id_site, day, category, action, name,
           count(*) as nb_events,
           count(distinct id_visit) as nb_visits,
           sum(coalesce(event_value, 0)) as sum_value,
           count(event_value) as nb_events_with_value,
           min(nullif(event_value, 0)) as min_event_value,
           max(event_value) as max_event_value
    from events
    group by all

),

by_dimension as (
    select id_site, day, 'category' as dimension, category as label,
           sum(nb_events) as nb_events, sum(nb_visits) as nb_visits, sum(sum_value) as sum_value,
           sum(nb_events_with_value) as nb_events_with_value,
           min(min_event_value) as min_event_value, max(max_event_value) as max_event_value
    from groups
    group by all
    union all
    select id_site, day, 'action' as dimension, action as label,
           sum(nb_events) as nb_events, sum(nb_visits) as nb_visits, sum(sum_value) as sum_value,
           sum(nb_events_with_value) as nb_events_with_value,
           min(min_event_value) as min_event_value, max(max_event_value) as max_event_value
    from groups
    group by all
    union all
    select id_site, day, 'name' as dimension, name as label,
           sum(nb_events) as nb_events, sum(nb_visits) as nb_visits, sum(sum_value) as sum_value,
           sum(nb_events_with_value) as nb_events_with_value,
           min(min_event_value) as min_event_value, max(max_event_value) as max_event_value
    from groups
    group by all
    

)

select
    b.id_site as site_id,
    'day' as period,
    b.day as date,
    b.dimension,
    b.label,
    cast(b.nb_events as bigint) as nb_events,
    cast(b.nb_visits as bigint) as nb_visits,
    cast(round(cast(b.sum_value as decimal(38, 12)), 2) as double) as sum_event_value,
    cast(b.nb_events_with_value as bigint) as nb_events_with_value,
    cast(b.min_event_value as double) as min_event_value,
    cast(b.max_event_value as double) as max_event_value,
    case when coalesce(b.nb_events_with_value, 0) = 0 then 0
         else cast(round(cast((b.sum_value) / (b.nb_events_with_value) as decimal(38, 12)), 2) as double) end as avg_event_value,
    (select max(load_id) from (
        select max(dlt_load_id) as load_id from __dbt__cte__stg_matomo__load_audit
        union all
        select max(dlt_load_id) from __dbt__cte__int_matomo__visits
        union all
        select max(dlt_load_id) from __dbt__cte__int_matomo__actions
    )) as dlt_load_id
from by_dimension as b
inner join days as d on d.site_id = b.id_site and d.day = b.day
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "dimension", "label", "nb_events", "nb_visits", "sum_event_value", "nb_events_with_value", "min_event_value", "max_event_value", "avg_event_value", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('category' as character varying)
 as "dimension", 
    
    cast('Video' as character varying)
 as "label", 
    
    cast(4 as BIGINT)
 as "nb_events", 
    
    cast(4 as BIGINT)
 as "nb_visits", 
    
    cast(0.13 as DOUBLE)
 as "sum_event_value", 
    
    cast(3 as BIGINT)
 as "nb_events_with_value", 
    
    cast(0.025 as DOUBLE)
 as "min_event_value", 
    
    cast(0.1 as DOUBLE)
 as "max_event_value", 
    
    cast(0.04 as DOUBLE)
 as "avg_event_value"
union all
select 
    
    cast('action' as character varying)
 as "dimension", 
    
    cast('play' as character varying)
 as "label", 
    
    cast(2 as BIGINT)
 as "nb_events", 
    
    cast(2 as BIGINT)
 as "nb_visits", 
    
    cast(0.13 as DOUBLE)
 as "sum_event_value", 
    
    cast(2 as BIGINT)
 as "nb_events_with_value", 
    
    cast(0.025 as DOUBLE)
 as "min_event_value", 
    
    cast(0.1 as DOUBLE)
 as "max_event_value", 
    
    cast(0.06 as DOUBLE)
 as "avg_event_value"
union all
select 
    
    cast('action' as character varying)
 as "dimension", 
    
    cast('pause' as character varying)
 as "label", 
    
    cast(2 as BIGINT)
 as "nb_events", 
    
    cast(2 as BIGINT)
 as "nb_visits", 
    
    cast(0.0 as DOUBLE)
 as "sum_event_value", 
    
    cast(1 as BIGINT)
 as "nb_events_with_value", 
    
    cast(null as DOUBLE)
 as "min_event_value", 
    
    cast(0.0 as DOUBLE)
 as "max_event_value", 
    
    cast(0.0 as DOUBLE)
 as "avg_event_value"
union all
select 
    
    cast('name' as character varying)
 as "dimension", 
    
    cast('intro' as character varying)
 as "label", 
    
    cast(1 as BIGINT)
 as "nb_events", 
    
    cast(1 as BIGINT)
 as "nb_visits", 
    
    cast(0.1 as DOUBLE)
 as "sum_event_value", 
    
    cast(1 as BIGINT)
 as "nb_events_with_value", 
    
    cast(0.1 as DOUBLE)
 as "min_event_value", 
    
    cast(0.1 as DOUBLE)
 as "max_event_value", 
    
    cast(0.1 as DOUBLE)
 as "avg_event_value"
union all
select 
    
    cast('name' as character varying)
 as "dimension", 
    
    cast('outro' as character varying)
 as "label", 
    
    cast(1 as BIGINT)
 as "nb_events", 
    
    cast(1 as BIGINT)
 as "nb_visits", 
    
    cast(0.03 as DOUBLE)
 as "sum_event_value", 
    
    cast(1 as BIGINT)
 as "nb_events_with_value", 
    
    cast(0.025 as DOUBLE)
 as "min_event_value", 
    
    cast(0.025 as DOUBLE)
 as "max_event_value", 
    
    cast(0.03 as DOUBLE)
 as "avg_event_value"
union all
select 
    
    cast('name' as character varying)
 as "dimension", 
    
    cast('Event Name not defined' as character varying)
 as "label", 
    
    cast(2 as BIGINT)
 as "nb_events", 
    
    cast(2 as BIGINT)
 as "nb_visits", 
    
    cast(0.0 as DOUBLE)
 as "sum_event_value", 
    
    cast(1 as BIGINT)
 as "nb_events_with_value", 
    
    cast(null as DOUBLE)
 as "min_event_value", 
    
    cast(0.0 as DOUBLE)
 as "max_event_value", 
    
    cast(0.0 as DOUBLE)
 as "avg_event_value"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected