
/*
  Actions.getPageTitles (flat=1) per site, local day and page title (`Page Name not defined`
  when empty). Differs from metrics_page_urls where a request has no page title (Matomo 5,
  plugins/Actions/Columns/EntryPageTitle.php, ExitPageTitle.php):
  - entry title = the title of the visit's *first request*, set once (onNewVisit); a visit
    that starts with an event, download, outlink, goal or a pageview without title has
    entry title 0 and counts in no row's entry_* metrics (the entry URL, by contrast, is
    filled in by the first later pageview);
  - exit title = the last pageview *with a title* or site search (an untitled pageview
    keeps the previous exit title);
  - time spent goes to the exit title current before the request (title_* columns of
    int_matomo__time_on_page); a pageview without title (`Page Name not defined`) has
    hits and visits but never entries, exits or time.
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
),  __dbt__cte__int_matomo__pageviews as (

-- Fixture for int_matomo__pageviews
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", cast(null as BIGINT) as "pageview_number", 
    
    cast(2 as BIGINT)
 as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast('FAQ' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast(False as BOOLEAN)
 as "is_entry_page", 
    
    cast(False as BOOLEAN)
 as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(1 as BIGINT)
 as "action_position", cast(null as BIGINT) as "pageview_number", 
    
    cast(1 as BIGINT)
 as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast(null as character varying(256))
 as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast(True as BOOLEAN)
 as "is_entry_page", 
    
    cast(False as BOOLEAN)
 as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", cast(null as BIGINT) as "pageview_number", 
    
    cast(3 as BIGINT)
 as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast('Home' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast(False as BOOLEAN)
 as "is_entry_page", 
    
    cast(True as BOOLEAN)
 as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", cast(null as BIGINT) as "pageview_number", 
    
    cast(2 as BIGINT)
 as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast('Home' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast(True as BOOLEAN)
 as "is_entry_page", 
    
    cast(True as BOOLEAN)
 as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(1 as BIGINT)
 as "action_position", cast(null as BIGINT) as "pageview_number", 
    
    cast(1 as BIGINT)
 as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast('Home' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast(True as BOOLEAN)
 as "is_entry_page", 
    
    cast(False as BOOLEAN)
 as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", cast(null as BIGINT) as "pageview_number", 
    
    cast(2 as BIGINT)
 as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast(' ' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast(False as BOOLEAN)
 as "is_entry_page", 
    
    cast(False as BOOLEAN)
 as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", cast(null as BIGINT) as "pageview_number", 
    
    cast(3 as BIGINT)
 as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast(null as character varying(256))
 as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast(False as BOOLEAN)
 as "is_entry_page", 
    
    cast(True as BOOLEAN)
 as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
),  __dbt__cte__int_matomo__actions as (

-- Fixture for int_matomo__actions
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
 as "action_local_date", 
    
    cast(1030 as BIGINT)
 as "local_epoch", 
    
    cast(2 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", 
    
    cast('FAQ' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
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
 as "action_local_date", 
    
    cast(1000 as BIGINT)
 as "local_epoch", 
    
    cast(1 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", 
    
    cast(null as character varying(256))
 as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
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
 as "action_local_date", 
    
    cast(1070 as BIGINT)
 as "local_epoch", 
    
    cast(3 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", 
    
    cast('Home' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
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
 as "action_local_date", 
    
    cast(2000 as BIGINT)
 as "local_epoch", 
    
    cast(1 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", 
    
    cast(2005 as BIGINT)
 as "local_epoch", 
    
    cast(2 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", 
    
    cast('Home' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
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
    
    cast('2026-10-05' as DATE)
 as "action_local_date", 
    
    cast(3000 as BIGINT)
 as "local_epoch", 
    
    cast(1 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", 
    
    cast('Home' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", 
    
    cast(3020 as BIGINT)
 as "local_epoch", 
    
    cast(2 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", 
    
    cast(' ' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", 
    
    cast(3050 as BIGINT)
 as "local_epoch", 
    
    cast(3 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", 
    
    cast(null as character varying(256))
 as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
),  __dbt__cte__int_matomo__visits as (

-- Fixture for int_matomo__visits
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast('2026-10-05' as DATE)
 as "visit_date", cast(null as character varying(256)) as "timezone", cast(null as TIMESTAMP) as "first_action_local_at", cast(null as TIMESTAMP) as "last_action_local_at", cast(null as TIMESTAMP WITH TIME ZONE) as "first_action_at", cast(null as TIMESTAMP WITH TIME ZONE) as "last_action_at", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "entry_page_url", cast(null as character varying(256)) as "entry_page_title", cast(null as character varying(256)) as "exit_page_url", cast(null as character varying(256)) as "exit_page_title", cast(null as BIGINT) as "pageviews", 
    
    cast(3 as BIGINT)
 as "actions", 
    
    cast(71 as BIGINT)
 as "visit_duration_seconds", cast(null as BOOLEAN) as "is_bounce", cast(null as BOOLEAN) as "is_converted", cast(null as BIGINT) as "goal_conversions", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as BIGINT) as "truncated_actions_count", cast(null as BOOLEAN) as "is_truncated", cast(null as DATE) as "loader_visit_date", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast('2026-10-05' as DATE)
 as "visit_date", cast(null as character varying(256)) as "timezone", cast(null as TIMESTAMP) as "first_action_local_at", cast(null as TIMESTAMP) as "last_action_local_at", cast(null as TIMESTAMP WITH TIME ZONE) as "first_action_at", cast(null as TIMESTAMP WITH TIME ZONE) as "last_action_at", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "entry_page_url", cast(null as character varying(256)) as "entry_page_title", cast(null as character varying(256)) as "exit_page_url", cast(null as character varying(256)) as "exit_page_title", cast(null as BIGINT) as "pageviews", 
    
    cast(2 as BIGINT)
 as "actions", 
    
    cast(6 as BIGINT)
 as "visit_duration_seconds", cast(null as BOOLEAN) as "is_bounce", cast(null as BOOLEAN) as "is_converted", cast(null as BIGINT) as "goal_conversions", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as BIGINT) as "truncated_actions_count", cast(null as BOOLEAN) as "is_truncated", cast(null as DATE) as "loader_visit_date", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast('2026-10-05' as DATE)
 as "visit_date", cast(null as character varying(256)) as "timezone", cast(null as TIMESTAMP) as "first_action_local_at", cast(null as TIMESTAMP) as "last_action_local_at", cast(null as TIMESTAMP WITH TIME ZONE) as "first_action_at", cast(null as TIMESTAMP WITH TIME ZONE) as "last_action_at", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "entry_page_url", cast(null as character varying(256)) as "entry_page_title", cast(null as character varying(256)) as "exit_page_url", cast(null as character varying(256)) as "exit_page_title", cast(null as BIGINT) as "pageviews", 
    
    cast(3 as BIGINT)
 as "actions", 
    
    cast(50 as BIGINT)
 as "visit_duration_seconds", cast(null as BOOLEAN) as "is_bounce", cast(null as BOOLEAN) as "is_converted", cast(null as BIGINT) as "goal_conversions", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as BIGINT) as "truncated_actions_count", cast(null as BOOLEAN) as "is_truncated", cast(null as DATE) as "loader_visit_date", cast(null as character varying(256)) as "dlt_load_id"
),  __dbt__cte__int_matomo__time_on_page as (

-- Fixture for int_matomo__time_on_page
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "credited_by_position", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast('FAQ' as character varying)
 as "page_title", 
    
    cast(2 as BIGINT)
 as "title_action_position", 
    
    cast('pageview' as character varying)
 as "title_page_type", 
    
    cast('2026-10-05' as DATE)
 as "title_action_local_date", 
    
    cast('FAQ' as character varying)
 as "title_page_title", 
    
    cast(40 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
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
 as "page_type", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast(null as character varying(256))
 as "page_title", 
    
    cast(null as BIGINT)
 as "title_action_position", 
    
    cast(null as character varying(256))
 as "title_page_type", 
    
    cast(null as DATE)
 as "title_action_local_date", 
    
    cast(null as character varying(256))
 as "title_page_title", 
    
    cast(30 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "credited_by_position", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast('Home' as character varying)
 as "page_title", 
    
    cast(1 as BIGINT)
 as "title_action_position", 
    
    cast('pageview' as character varying)
 as "title_page_type", 
    
    cast('2026-10-05' as DATE)
 as "title_action_local_date", 
    
    cast('Home' as character varying)
 as "title_page_title", 
    
    cast(20 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "credited_by_position", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast(' ' as character varying)
 as "page_title", 
    
    cast(1 as BIGINT)
 as "title_action_position", 
    
    cast('pageview' as character varying)
 as "title_page_type", 
    
    cast('2026-10-05' as DATE)
 as "title_action_local_date", 
    
    cast('Home' as character varying)
 as "title_page_title", 
    
    cast(30 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
),  __dbt__cte__stg_matomo__load_audit as (

-- Fixture for stg_matomo__load_audit
select cast(null as BIGINT) as "id_site", cast(null as DATE) as "visit_date", cast(null as BOOLEAN) as "is_final", cast(null as BIGINT) as "api_pages", cast(null as BIGINT) as "visits", cast(null as BIGINT) as "actions", cast(null as BIGINT) as "duplicate_visits", cast(null as BIGINT) as "other_day_visits", cast(null as BIGINT) as "truncated_visits", cast(null as TIMESTAMP) as "loaded_at", cast(null as character varying(256)) as "dlt_load_id"
    limit 0
), incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from __dbt__cte__int_matomo__incremental_window
    where model_name = ''

),

days as (

    select site_id as d_site_id, day as d_day from (select p.* from __dbt__cte__int_metrics__periods as p) where period = 'day'

),

pageviews as (

    select
        pv.* exclude (is_entry_page, is_exit_page),
        coalesce(nullif(trim(page_title), ''), 'Page Name not defined') as label,
        coalesce(f.is_first_request, false) and nullif(trim(pv.page_title), '') is not null as is_entry_page,
        coalesce(x.is_exit_title, false) as is_exit_page
    from __dbt__cte__int_matomo__pageviews as pv
    left join (
        select id_site, id_visit, action_position, true as is_first_request
        from (
            select id_site, id_visit, action_position,
                   row_number() over (partition by id_site, id_visit order by request_sequence) as n
            from __dbt__cte__int_matomo__actions
        )
        where n = 1
    ) as f using (id_site, id_visit, action_position)
    left join (
        select id_site, id_visit, action_position, true as is_exit_title
        from (
            select id_site, id_visit, action_position,
                   row_number() over (partition by id_site, id_visit order by request_sequence desc) as n
            from __dbt__cte__int_matomo__actions
            where action_type = 'site_search'
               or (action_type = 'pageview' and nullif(trim(page_title), '') is not null)
        )
        where n = 1
    ) as x using (id_site, id_visit, action_position)

),

visits as (

    select * from __dbt__cte__int_matomo__visits

),

hits as (

    select id_site, action_local_date as day, label,
           count(*) as nb_hits, count(distinct id_visit) as nb_visits
    from pageviews
    group by all

),

entries as (

    select pv.id_site, v.visit_date as day, pv.label,
           count(*) as entry_nb_visits,
           sum(v.actions) as entry_nb_actions,
           sum(v.visit_duration_seconds) as entry_sum_visit_length,
           count(*) filter (where v.actions <= 1) as entry_bounce_count
    from pageviews as pv
    inner join visits as v using (id_site, id_visit)
    where pv.is_entry_page
    group by all

),

exits as (

    select pv.id_site, v.visit_date as day, pv.label, count(*) as exit_nb_visits
    from pageviews as pv
    inner join visits as v using (id_site, id_visit)
    where pv.is_exit_page
    group by all

),

time_spent as (

    select t.id_site, t.title_action_local_date as day, trim(t.title_page_title) as label,
           sum(t.time_spent_seconds) as sum_time_spent
    from __dbt__cte__int_matomo__time_on_page as t
    where t.title_page_type = 'pageview'
    group by all

),

keys as (

    select id_site, day, label from hits
    union select id_site, day, label from entries
    union select id_site, day, label from exits

),

joined as (

    select
        k.id_site as site_id,
        'day' as period,
        k.day as date,
        k.label,
        cast(coalesce(h.nb_hits, 0) as bigint) as nb_hits,
        cast(coalesce(h.nb_visits, 0) as bigint) as nb_visits,
        cast(coalesce(e.entry_nb_visits, 0) as bigint) as entry_nb_visits,
        cast(coalesce(e.entry_nb_actions, 0) as bigint) as entry_nb_actions,
        cast(coalesce(e.entry_sum_visit_length, 0) as bigint) as entry_sum_visit_length,
        cast(coalesce(e.entry_bounce_count, 0) as bigint) as entry_bounce_count,
        cast(coalesce(x.exit_nb_visits, 0) as bigint) as exit_nb_visits,
        cast(coalesce(t.sum_time_spent, 0) as bigint) as sum_time_spent
    from keys as k
    inner join days as d on d.d_site_id = k.id_site and d.d_day = k.day
    left join hits as h using (id_site, day, label)
    left join entries as e using (id_site, day, label)
    left join exits as x using (id_site, day, label)
    left join time_spent as t using (id_site, day, label)

)

select
    *,
    case when coalesce(entry_nb_visits, 0) = 0 then 0
         else cast(round(cast((entry_bounce_count) / (entry_nb_visits) as decimal(38, 12)), 2) as double) end as bounce_rate,
    case when coalesce(nb_visits, 0) = 0 then 0
         else cast(round(cast((exit_nb_visits) / (nb_visits) as decimal(38, 12)), 2) as double) end as exit_rate,
    case when coalesce(nb_hits, 0) = 0 then 0
         else cast(round(cast((sum_time_spent) / (nb_hits) as decimal(38, 12)), 0) as double) end as avg_time_on_page,
    (select max(load_id) from (
        select max(dlt_load_id) as load_id from __dbt__cte__stg_matomo__load_audit
        union all
        select max(dlt_load_id) from __dbt__cte__int_matomo__visits
        union all
        select max(dlt_load_id) from __dbt__cte__int_matomo__actions
    )) as dlt_load_id
from joined