/*
  One row per visit with an abandoned cart (Matomo goal id -1), on the site-local date of the
  cart's last update. Matomo keeps one cart per visit, overwritten by each cart update, and a
  cart followed by an order in the same visit becomes that order: an abandoned cart is the
  visit's last cart update with no order after it.
*/
with  __dbt__cte__int_matomo__actions as (

-- Fixture for int_matomo__actions
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('abandoned_cart' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(100 as BIGINT)
 as "local_epoch", 
    
    cast(2 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", 
    
    cast(10 as DECIMAL(38,9))
 as "revenue", cast(null as character varying(256)) as "order_id", 
    
    cast(1 as BIGINT)
 as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast('ecommerce_order' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(200 as BIGINT)
 as "local_epoch", 
    
    cast(3 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", 
    
    cast(10 as DECIMAL(38,9))
 as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('ecommerce_order' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(100 as BIGINT)
 as "local_epoch", 
    
    cast(2 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", 
    
    cast(30 as DECIMAL(38,9))
 as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast(4 as BIGINT)
 as "action_position", 
    
    cast('abandoned_cart' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(300 as BIGINT)
 as "local_epoch", 
    
    cast(4 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", 
    
    cast(25 as DECIMAL(38,9))
 as "revenue", cast(null as character varying(256)) as "order_id", 
    
    cast(2 as BIGINT)
 as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('abandoned_cart' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(100 as BIGINT)
 as "local_epoch", 
    
    cast(2 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", 
    
    cast(5 as DECIMAL(38,9))
 as "revenue", cast(null as character varying(256)) as "order_id", 
    
    cast(1 as BIGINT)
 as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast('abandoned_cart' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", cast(null as DATE) as "action_local_date", 
    
    cast(500 as BIGINT)
 as "local_epoch", 
    
    cast(5 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", 
    
    cast(55 as DECIMAL(38,9))
 as "revenue", cast(null as character varying(256)) as "order_id", 
    
    cast(3 as BIGINT)
 as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
), actions as (

    select * from __dbt__cte__int_matomo__actions
    where action_type in ('abandoned_cart', 'ecommerce_order')

),

last_cart as (

    select *
    from (
        select
            actions.*,
            row_number() over (
                partition by id_site, id_visit order by request_sequence desc
            ) as cart_recency
        from actions
        where action_type = 'abandoned_cart'
    ) as carts
    where cart_recency = 1

),

last_order as (

    select id_site, id_visit, max(request_sequence) as last_order_sequence
    from actions
    where action_type = 'ecommerce_order'
    group by id_site, id_visit

),

final as (

    select
        c.id_site,
        c.id_visit,
        c.action_position,
        c.action_local_at as cart_updated_local_at,
        c.action_local_date as cart_date,
        coalesce(c.revenue, 0) as revenue,
        coalesce(c.items_quantity, 0) as items_quantity,
        c.dlt_load_id
    from last_cart as c
    left join last_order as o
        on o.id_site = c.id_site
        and o.id_visit = c.id_visit
    where o.last_order_sequence is null
        or o.last_order_sequence < c.request_sequence

)

select * from final