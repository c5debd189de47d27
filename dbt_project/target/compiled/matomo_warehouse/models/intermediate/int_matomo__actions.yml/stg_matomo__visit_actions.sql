
-- Fixture for stg_matomo__visit_actions
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(9 as BIGINT)
 as "id_visit", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('goal' as character varying)
 as "raw_type", 
    
    cast(1791244799 as BIGINT)
 as "local_epoch", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "page_id_action", cast(null as character varying(256)) as "pageview_id", cast(null as BIGINT) as "pageview_position", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", 
    
    cast(1 as BIGINT)
 as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(9 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('action' as character varying)
 as "raw_type", 
    
    cast(1791244799 as BIGINT)
 as "local_epoch", 
    
    cast('https://docs.example.com/a' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "page_id_action", cast(null as character varying(256)) as "pageview_id", cast(null as BIGINT) as "pageview_position", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(9 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast('13' as character varying)
 as "raw_type", 
    
    cast(1791244800 as BIGINT)
 as "local_epoch", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "page_id_action", cast(null as character varying(256)) as "pageview_id", cast(null as BIGINT) as "pageview_position", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", 
    
    cast('click' as character varying)
 as "content_interaction", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(9 as BIGINT)
 as "id_visit", 
    
    cast(4 as BIGINT)
 as "action_position", 
    
    cast('13' as character varying)
 as "raw_type", 
    
    cast(1791244800 as BIGINT)
 as "local_epoch", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "page_id_action", cast(null as character varying(256)) as "pageview_id", cast(null as BIGINT) as "pageview_position", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(9 as BIGINT)
 as "id_visit", 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast('search' as character varying)
 as "raw_type", 
    
    cast(1791244801 as BIGINT)
 as "local_epoch", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "page_id_action", cast(null as character varying(256)) as "pageview_id", cast(null as BIGINT) as "pageview_position", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as character varying(256)) as "dlt_load_id"