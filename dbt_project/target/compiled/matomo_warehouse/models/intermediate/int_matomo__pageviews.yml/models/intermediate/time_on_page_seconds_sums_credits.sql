
/*
  One row per pageview with Matomo's time on page (the `sum_time_spent` of
  Actions.getPageUrls) and entry/exit flags.

  time_on_page_seconds = the sum of the gaps int_matomo__time_on_page credits to this
  pageview (page_type = 'pageview', matched on action_position); that model owns the rule
  (which requests credit a gap, to which page, and when Live's timeSpent is the gap).
  A pageview no request credits (e.g. the last page of a visit) gets 0.
*/
with  __dbt__cte__int_matomo__incremental_window as (

-- Fixture for int_matomo__incremental_window
select cast(null as character varying(256)) as "model_name", cast(null as character varying(256)) as "window_kind", cast(null as BIGINT) as "id_site", cast(null as BIGINT) as "id_visit", cast(null as DATE) as "day"
    limit 0
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
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(1000 as BIGINT)
 as "local_epoch", 
    
    cast(1 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('A' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('download' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(1010 as BIGINT)
 as "local_epoch", 
    
    cast(2 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('file' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast('event' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(1025 as BIGINT)
 as "local_epoch", 
    
    cast(3 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('A' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(4 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(1030 as BIGINT)
 as "local_epoch", 
    
    cast(4 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('B' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast('site_search' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(1037 as BIGINT)
 as "local_epoch", 
    
    cast(5 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(6 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(1077 as BIGINT)
 as "local_epoch", 
    
    cast(6 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('C' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(7 as BIGINT)
 as "action_position", 
    
    cast('goal' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(1080 as BIGINT)
 as "local_epoch", 
    
    cast(7 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(8 as BIGINT)
 as "action_position", 
    
    cast('content_impression' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(1082 as BIGINT)
 as "local_epoch", 
    
    cast(8 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(9 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(4682 as BIGINT)
 as "local_epoch", 
    
    cast(9 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('D' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(10 as BIGINT)
 as "action_position", 
    
    cast('ecommerce_order' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(4712 as BIGINT)
 as "local_epoch", 
    
    cast(10 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
),  __dbt__cte__int_matomo__time_on_page as (

-- Fixture for int_matomo__time_on_page
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "credited_by_position", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "title_action_position", cast(null as character varying(256)) as "title_page_type", cast(null as DATE) as "title_action_local_date", cast(null as character varying(256)) as "title_page_title", 
    
    cast(10 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(4 as BIGINT)
 as "credited_by_position", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "title_action_position", cast(null as character varying(256)) as "title_page_type", cast(null as DATE) as "title_action_local_date", cast(null as character varying(256)) as "title_page_title", 
    
    cast(5 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(5 as BIGINT)
 as "credited_by_position", 
    
    cast(4 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "title_action_position", cast(null as character varying(256)) as "title_page_type", cast(null as DATE) as "title_action_local_date", cast(null as character varying(256)) as "title_page_title", 
    
    cast(7 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(6 as BIGINT)
 as "credited_by_position", 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast('site_search' as character varying)
 as "page_type", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "title_action_position", cast(null as character varying(256)) as "title_page_type", cast(null as DATE) as "title_action_local_date", cast(null as character varying(256)) as "title_page_title", 
    
    cast(40 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(8 as BIGINT)
 as "credited_by_position", 
    
    cast(6 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "title_action_position", cast(null as character varying(256)) as "title_page_type", cast(null as DATE) as "title_action_local_date", cast(null as character varying(256)) as "title_page_title", 
    
    cast(2 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(9 as BIGINT)
 as "credited_by_position", 
    
    cast(6 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "title_action_position", cast(null as character varying(256)) as "title_page_type", cast(null as DATE) as "title_action_local_date", cast(null as character varying(256)) as "title_page_title", 
    
    cast(1800 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast(10 as BIGINT)
 as "credited_by_position", 
    
    cast(9 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "title_action_position", cast(null as character varying(256)) as "title_page_type", cast(null as DATE) as "title_action_local_date", cast(null as character varying(256)) as "title_page_title", 
    
    cast(99 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
), incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from __dbt__cte__int_matomo__incremental_window
    where model_name = ''

),

actions as (

    select a.* from __dbt__cte__int_matomo__actions as a

),

credits as (

    select
        id_site,
        id_visit,
        action_position,
        sum(time_spent_seconds) as time_spent_seconds
    from __dbt__cte__int_matomo__time_on_page as t
    where page_type = 'pageview'
    group by id_site, id_visit, action_position

),

page_like as (

    -- Entry and exit "pages" are the first / last pageview *or site search*: a visit whose
    -- last page-like request is a search has no exit page URL (Actions.getExitPageUrls).
    select
        a.*,
        row_number() over (
            partition by a.id_site, a.id_visit order by a.request_sequence
        ) as page_like_number,
        count(*) over (partition by a.id_site, a.id_visit) as visit_page_likes
    from actions as a
    where a.action_type in ('pageview', 'site_search')

),

pageviews as (

    select
        page_like.*,
        row_number() over (
            partition by id_site, id_visit order by request_sequence
        ) as pageview_number
    from page_like
    where action_type = 'pageview'

),

final as (

    select
        p.id_site,
        p.id_visit,
        p.action_position,
        p.pageview_number,
        p.request_sequence,
        p.action_local_at,
        p.action_local_date,
        p.url,
        p.page_title,
        p.pageview_id,
        p.page_like_number = 1 as is_entry_page,
        p.page_like_number = p.visit_page_likes as is_exit_page,
        cast(coalesce(c.time_spent_seconds, 0) as bigint) as time_on_page_seconds,
        p.page_load_time_milliseconds,
        p.live_time_spent_seconds,
        p.dlt_load_id
    from pageviews as p
    left join credits as c
        on c.id_site = p.id_site
        and c.id_visit = p.id_visit
        and c.action_position = p.action_position

)

select * from final