
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