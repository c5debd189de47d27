
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "dimension","label","revenue","quantity","orders","nb_visits","nb_actions","avg_price","avg_quantity","conversion_rate", 'actual' as "actual_or_expected"
  from (
    
/*
  Goals.getItemsSku / getItemsName / getItemsCategory (ordered products, not abandonedCarts=1)
  per site, local day and label (`dimension` = sku | name | category), as Matomo 5 builds them
  (plugins/Goals/RecordBuilders/ProductRecord.php, plugins/Goals/API.php getItems):

  - Order items (log_conversion_item, deleted = 0, day of the order): revenue = Σ price × quantity,
    quantity = Σ quantity, price = Σ price, orders = distinct orders (each rounded to 0.01 per
    query). Items give the row no nb_visits.
  - Product views (any action with the product dimension set, day of the action): nb_visits =
    distinct visits, nb_actions = hits, avg_price_viewed = round(avg(product price), 2). Category
    pages (a category but no SKU/name) count in the category report.
  - The category report runs both queries once per category slot (idaction_category,
    _category2 … _category5) and sums the rows by label: an item or view with two categories
    counts in both, and a visit seeing the same category in two different slots counts twice.
    An empty label is `Value not defined` in the first slot, skipped in slots 2–5.
  - avg_price = round(price / orders, 2); when the row has no price (viewed only, or only free
    items) it is avg_price_viewed instead. avg_quantity = round(quantity / orders, 1);
    conversion_rate = round(orders / nb_visits, 4).
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
),  __dbt__cte__int_matomo__order_items as (

-- Fixture for int_matomo__order_items
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(10 as BIGINT)
 as "id_visit", 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast(1 as BIGINT)
 as "item_position", 
    
    cast('A' as character varying)
 as "order_id", 
    
    cast('2026-10-05' as DATE)
 as "order_date", cast(null as TIMESTAMP) as "ordered_local_at", 
    
    cast('BOOT' as character varying)
 as "sku", 
    
    cast('Boot' as character varying)
 as "item_name", 
    
    cast('Shoes' as character varying)
 as "item_category", 
    
    cast(129 as DECIMAL(38,9))
 as "price", 
    
    cast(2 as BIGINT)
 as "quantity", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(10 as BIGINT)
 as "id_visit", 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast(2 as BIGINT)
 as "item_position", 
    
    cast('A' as character varying)
 as "order_id", 
    
    cast('2026-10-05' as DATE)
 as "order_date", cast(null as TIMESTAMP) as "ordered_local_at", 
    
    cast('SOCK' as character varying)
 as "sku", 
    
    cast('Socks' as character varying)
 as "item_name", 
    
    cast('Accessories' as character varying)
 as "item_category", 
    
    cast(12.99 as DECIMAL(38,9))
 as "price", 
    
    cast(1 as BIGINT)
 as "quantity", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(11 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast(1 as BIGINT)
 as "item_position", 
    
    cast('B' as character varying)
 as "order_id", 
    
    cast('2026-10-05' as DATE)
 as "order_date", cast(null as TIMESTAMP) as "ordered_local_at", 
    
    cast('BOOT' as character varying)
 as "sku", 
    
    cast('Boot' as character varying)
 as "item_name", 
    
    cast('Shoes' as character varying)
 as "item_category", 
    
    cast(119 as DECIMAL(38,9))
 as "price", 
    
    cast(1 as BIGINT)
 as "quantity", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "dlt_load_id"
),  __dbt__cte__stg_matomo__ecommerce_items as (

-- Fixture for stg_matomo__ecommerce_items
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(10 as BIGINT)
 as "id_visit", 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast(1 as BIGINT)
 as "item_position", cast(null as character varying(256)) as "raw_action_type", cast(null as character varying(256)) as "order_id", cast(null as character varying(256)) as "sku", cast(null as character varying(256)) as "item_name", cast(null as character varying(256)) as "item_category", 
    
    cast('["Shoes", "Boots"]' as VARCHAR[])
 as "item_categories", cast(null as DECIMAL(38,9)) as "price", cast(null as BIGINT) as "quantity", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(10 as BIGINT)
 as "id_visit", 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast(2 as BIGINT)
 as "item_position", cast(null as character varying(256)) as "raw_action_type", cast(null as character varying(256)) as "order_id", cast(null as character varying(256)) as "sku", cast(null as character varying(256)) as "item_name", cast(null as character varying(256)) as "item_category", 
    
    cast('["Accessories", "Socks"]' as VARCHAR[])
 as "item_categories", cast(null as DECIMAL(38,9)) as "price", cast(null as BIGINT) as "quantity", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(11 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast(1 as BIGINT)
 as "item_position", cast(null as character varying(256)) as "raw_action_type", cast(null as character varying(256)) as "order_id", cast(null as character varying(256)) as "sku", cast(null as character varying(256)) as "item_name", cast(null as character varying(256)) as "item_category", 
    
    cast('["Shoes", "Boots"]' as VARCHAR[])
 as "item_categories", cast(null as DECIMAL(38,9)) as "price", cast(null as BIGINT) as "quantity", cast(null as character varying(256)) as "dlt_load_id"
),  __dbt__cte__int_matomo__actions as (

-- Fixture for int_matomo__actions
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(1 as BIGINT)
 as "action_position", cast(null as character varying(256)) as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", 
    
    cast('BOOT' as character varying)
 as "product_view_sku", 
    
    cast('Boot' as character varying)
 as "product_view_name", 
    
    cast(129 as DECIMAL(38,9))
 as "product_view_price", 
    
    cast('["Shoes", "Boots"]' as VARCHAR[])
 as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", cast(null as character varying(256)) as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", 
    
    cast('BOOT' as character varying)
 as "product_view_sku", 
    
    cast('Boot' as character varying)
 as "product_view_name", 
    
    cast(125 as DECIMAL(38,9))
 as "product_view_price", 
    
    cast('["Shoes", "Boots"]' as VARCHAR[])
 as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", cast(null as character varying(256)) as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", 
    
    cast('GIFT' as character varying)
 as "product_view_sku", 
    
    cast('Gift Card' as character varying)
 as "product_view_name", 
    
    cast(50 as DECIMAL(38,9))
 as "product_view_price", 
    
    cast('["Gift Cards"]' as VARCHAR[])
 as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast(1 as BIGINT)
 as "action_position", cast(null as character varying(256)) as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", 
    
    cast('["Shoes"]' as VARCHAR[])
 as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", cast(null as character varying(256)) as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as BIGINT) as "local_epoch", cast(null as BIGINT) as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", 
    
    cast('SNK' as character varying)
 as "product_view_sku", 
    
    cast('Sneaker' as character varying)
 as "product_view_name", 
    
    cast(59.99 as DECIMAL(38,9))
 as "product_view_price", 
    
    cast('["Sale", "Shoes"]' as VARCHAR[])
 as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
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

order_items as (

    select i.* from __dbt__cte__int_matomo__order_items as i

),

item_categories as (

    -- an ordered item's category slots 1..5 (Live's `categories` array; item_category = slot 1)
    select id_site, id_visit, action_position, item_position,
           unnest(item_categories) as label,
           generate_subscripts(item_categories, 1) as slot
    from __dbt__cte__stg_matomo__ecommerce_items

),

order_labels as (

    select i.id_site, i.order_date as day, 'sku' as dimension, 1 as slot, i.sku as label,
           i.order_id, i.price, i.quantity
    from order_items as i
    union all
    select i.id_site, i.order_date, 'name', 1, i.item_name, i.order_id, i.price, i.quantity
    from order_items as i
    union all
    select i.id_site, i.order_date, 'category', coalesce(c.slot, 1), coalesce(c.label, i.item_category),
           i.order_id, i.price, i.quantity
    from order_items as i
    left join item_categories as c using (id_site, id_visit, action_position, item_position)

),

view_actions as (

    select a.id_site, a.action_local_date as day, a.id_visit, a.product_view_sku, a.product_view_name,
           a.product_view_price, a.product_view_categories as categories
    from __dbt__cte__int_matomo__actions as a

),

view_labels as (

    select id_site, day, 'sku' as dimension, 1 as slot, product_view_sku as label, id_visit, product_view_price as price
    from view_actions where product_view_sku is not null
    union all
    select id_site, day, 'name', 1, product_view_name, id_visit, product_view_price
    from view_actions where product_view_name is not null
    union all
    select id_site, day, 'category', slot, label, id_visit, product_view_price
    from (
        select *, unnest(categories) as label, generate_subscripts(categories, 1) as slot
        from view_actions
    ) as view_categories
    where label is not null

),

orders_by_slot as (

    select id_site, day, dimension, slot, case when coalesce(label, '') <> '' then label when slot = 1 then 'Value not defined' end as label,
           cast(round(cast(sum(price * quantity) as decimal(38, 12)), 2) as double) as revenue,
           sum(quantity) as quantity,
           cast(round(cast(sum(price) as decimal(38, 12)), 2) as double) as sum_price,
           count(distinct order_id) as orders
    from order_labels
    group by all

),

views_by_slot as (

    select id_site, day, dimension, slot, case when coalesce(label, '') <> '' then label when slot = 1 then 'Value not defined' end as label,
           count(distinct id_visit) as nb_visits,
           count(*) as nb_actions,
           coalesce(cast(round(cast(avg(price) as decimal(38, 12)), 2) as double), 0) as avg_price_viewed
    from view_labels
    group by all

),

orders as (

    select id_site, day, dimension, label, sum(revenue) as revenue, sum(quantity) as quantity,
           sum(sum_price) as sum_price, sum(orders) as orders
    from orders_by_slot where label is not null
    group by all

),

views as (

    select id_site, day, dimension, label, sum(nb_visits) as nb_visits, sum(nb_actions) as nb_actions,
           sum(avg_price_viewed) as avg_price_viewed
    from views_by_slot where label is not null
    group by all

),

joined as (

    select
        coalesce(o.id_site, v.id_site) as site_id,
        coalesce(o.day, v.day) as date,
        coalesce(o.dimension, v.dimension) as dimension,
        coalesce(o.label, v.label) as label,
        coalesce(o.revenue, 0) as revenue,
        coalesce(o.quantity, 0) as quantity,
        coalesce(o.sum_price, 0) as sum_price,
        coalesce(o.orders, 0) as orders,
        coalesce(v.nb_visits, 0) as nb_visits,
        coalesce(v.nb_actions, 0) as nb_actions,
        coalesce(v.avg_price_viewed, 0) as avg_price_viewed
    from orders as o
    full outer join views as v
        on v.id_site = o.id_site and v.day = o.day and v.dimension = o.dimension and v.label = o.label

)

select
    j.site_id,
    'day' as period,
    j.date,
    j.dimension,
    j.label,
    cast(cast(round(cast(j.revenue as decimal(38, 12)), 2) as double) as numeric(18, 2)) as revenue,
    cast(j.quantity as bigint) as quantity,
    cast(j.orders as bigint) as orders,
    cast(j.nb_visits as bigint) as nb_visits,
    cast(j.nb_actions as bigint) as nb_actions,
    cast(case when j.sum_price = 0 then j.avg_price_viewed
         else case when coalesce(j.orders, 0) = 0 then 0
         else cast(round(cast((j.sum_price) / (j.orders) as decimal(38, 12)), 2) as double) end end as numeric(18, 2)) as avg_price,
    case when coalesce(j.orders, 0) = 0 then 0
         else cast(round(cast((j.quantity) / (j.orders) as decimal(38, 12)), 1) as double) end as avg_quantity,
    case when coalesce(j.nb_visits, 0) = 0 then 0
         else cast(round(cast((j.orders) / (j.nb_visits) as decimal(38, 12)), 4) as double) end as conversion_rate,
    (select max(load_id) from (
        select max(dlt_load_id) as load_id from __dbt__cte__stg_matomo__load_audit
        union all
        select max(dlt_load_id) from __dbt__cte__int_matomo__visits
        union all
        select max(dlt_load_id) from __dbt__cte__int_matomo__actions
    )) as dlt_load_id
from joined as j
inner join days as d on d.site_id = j.site_id and d.day = j.date
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "dimension", "label", "revenue", "quantity", "orders", "nb_visits", "nb_actions", "avg_price", "avg_quantity", "conversion_rate", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('sku' as character varying)
 as "dimension", 
    
    cast('BOOT' as character varying)
 as "label", 
    
    cast(377.0 as DECIMAL(18,2))
 as "revenue", 
    
    cast(3 as BIGINT)
 as "quantity", 
    
    cast(2 as BIGINT)
 as "orders", 
    
    cast(1 as BIGINT)
 as "nb_visits", 
    
    cast(2 as BIGINT)
 as "nb_actions", 
    
    cast(124.0 as DECIMAL(18,2))
 as "avg_price", 
    
    cast(1.5 as DOUBLE)
 as "avg_quantity", 
    
    cast(2.0 as DOUBLE)
 as "conversion_rate"
union all
select 
    
    cast('sku' as character varying)
 as "dimension", 
    
    cast('SOCK' as character varying)
 as "label", 
    
    cast(12.99 as DECIMAL(18,2))
 as "revenue", 
    
    cast(1 as BIGINT)
 as "quantity", 
    
    cast(1 as BIGINT)
 as "orders", 
    
    cast(0 as BIGINT)
 as "nb_visits", 
    
    cast(0 as BIGINT)
 as "nb_actions", 
    
    cast(12.99 as DECIMAL(18,2))
 as "avg_price", 
    
    cast(1.0 as DOUBLE)
 as "avg_quantity", 
    
    cast(0.0 as DOUBLE)
 as "conversion_rate"
union all
select 
    
    cast('sku' as character varying)
 as "dimension", 
    
    cast('GIFT' as character varying)
 as "label", 
    
    cast(0.0 as DECIMAL(18,2))
 as "revenue", 
    
    cast(0 as BIGINT)
 as "quantity", 
    
    cast(0 as BIGINT)
 as "orders", 
    
    cast(1 as BIGINT)
 as "nb_visits", 
    
    cast(1 as BIGINT)
 as "nb_actions", 
    
    cast(50.0 as DECIMAL(18,2))
 as "avg_price", 
    
    cast(0.0 as DOUBLE)
 as "avg_quantity", 
    
    cast(0.0 as DOUBLE)
 as "conversion_rate"
union all
select 
    
    cast('sku' as character varying)
 as "dimension", 
    
    cast('SNK' as character varying)
 as "label", 
    
    cast(0.0 as DECIMAL(18,2))
 as "revenue", 
    
    cast(0 as BIGINT)
 as "quantity", 
    
    cast(0 as BIGINT)
 as "orders", 
    
    cast(1 as BIGINT)
 as "nb_visits", 
    
    cast(1 as BIGINT)
 as "nb_actions", 
    
    cast(59.99 as DECIMAL(18,2))
 as "avg_price", 
    
    cast(0.0 as DOUBLE)
 as "avg_quantity", 
    
    cast(0.0 as DOUBLE)
 as "conversion_rate"
union all
select 
    
    cast('name' as character varying)
 as "dimension", 
    
    cast('Boot' as character varying)
 as "label", 
    
    cast(377.0 as DECIMAL(18,2))
 as "revenue", 
    
    cast(3 as BIGINT)
 as "quantity", 
    
    cast(2 as BIGINT)
 as "orders", 
    
    cast(1 as BIGINT)
 as "nb_visits", 
    
    cast(2 as BIGINT)
 as "nb_actions", 
    
    cast(124.0 as DECIMAL(18,2))
 as "avg_price", 
    
    cast(1.5 as DOUBLE)
 as "avg_quantity", 
    
    cast(2.0 as DOUBLE)
 as "conversion_rate"
union all
select 
    
    cast('name' as character varying)
 as "dimension", 
    
    cast('Socks' as character varying)
 as "label", 
    
    cast(12.99 as DECIMAL(18,2))
 as "revenue", 
    
    cast(1 as BIGINT)
 as "quantity", 
    
    cast(1 as BIGINT)
 as "orders", 
    
    cast(0 as BIGINT)
 as "nb_visits", 
    
    cast(0 as BIGINT)
 as "nb_actions", 
    
    cast(12.99 as DECIMAL(18,2))
 as "avg_price", 
    
    cast(1.0 as DOUBLE)
 as "avg_quantity", 
    
    cast(0.0 as DOUBLE)
 as "conversion_rate"
union all
select 
    
    cast('name' as character varying)
 as "dimension", 
    
    cast('Gift Card' as character varying)
 as "label", 
    
    cast(0.0 as DECIMAL(18,2))
 as "revenue", 
    
    cast(0 as BIGINT)
 as "quantity", 
    
    cast(0 as BIGINT)
 as "orders", 
    
    cast(1 as BIGINT)
 as "nb_visits", 
    
    cast(1 as BIGINT)
 as "nb_actions", 
    
    cast(50.0 as DECIMAL(18,2))
 as "avg_price", 
    
    cast(0.0 as DOUBLE)
 as "avg_quantity", 
    
    cast(0.0 as DOUBLE)
 as "conversion_rate"
union all
select 
    
    cast('name' as character varying)
 as "dimension", 
    
    cast('Sneaker' as character varying)
 as "label", 
    
    cast(0.0 as DECIMAL(18,2))
 as "revenue", 
    
    cast(0 as BIGINT)
 as "quantity", 
    
    cast(0 as BIGINT)
 as "orders", 
    
    cast(1 as BIGINT)
 as "nb_visits", 
    
    cast(1 as BIGINT)
 as "nb_actions", 
    
    cast(59.99 as DECIMAL(18,2))
 as "avg_price", 
    
    cast(0.0 as DOUBLE)
 as "avg_quantity", 
    
    cast(0.0 as DOUBLE)
 as "conversion_rate"
union all
select 
    
    cast('category' as character varying)
 as "dimension", 
    
    cast('Shoes' as character varying)
 as "label", 
    
    cast(377.0 as DECIMAL(18,2))
 as "revenue", 
    
    cast(3 as BIGINT)
 as "quantity", 
    
    cast(2 as BIGINT)
 as "orders", 
    
    cast(3 as BIGINT)
 as "nb_visits", 
    
    cast(4 as BIGINT)
 as "nb_actions", 
    
    cast(124.0 as DECIMAL(18,2))
 as "avg_price", 
    
    cast(1.5 as DOUBLE)
 as "avg_quantity", 
    
    cast(0.6667 as DOUBLE)
 as "conversion_rate"
union all
select 
    
    cast('category' as character varying)
 as "dimension", 
    
    cast('Boots' as character varying)
 as "label", 
    
    cast(377.0 as DECIMAL(18,2))
 as "revenue", 
    
    cast(3 as BIGINT)
 as "quantity", 
    
    cast(2 as BIGINT)
 as "orders", 
    
    cast(1 as BIGINT)
 as "nb_visits", 
    
    cast(2 as BIGINT)
 as "nb_actions", 
    
    cast(124.0 as DECIMAL(18,2))
 as "avg_price", 
    
    cast(1.5 as DOUBLE)
 as "avg_quantity", 
    
    cast(2.0 as DOUBLE)
 as "conversion_rate"
union all
select 
    
    cast('category' as character varying)
 as "dimension", 
    
    cast('Accessories' as character varying)
 as "label", 
    
    cast(12.99 as DECIMAL(18,2))
 as "revenue", 
    
    cast(1 as BIGINT)
 as "quantity", 
    
    cast(1 as BIGINT)
 as "orders", 
    
    cast(0 as BIGINT)
 as "nb_visits", 
    
    cast(0 as BIGINT)
 as "nb_actions", 
    
    cast(12.99 as DECIMAL(18,2))
 as "avg_price", 
    
    cast(1.0 as DOUBLE)
 as "avg_quantity", 
    
    cast(0.0 as DOUBLE)
 as "conversion_rate"
union all
select 
    
    cast('category' as character varying)
 as "dimension", 
    
    cast('Socks' as character varying)
 as "label", 
    
    cast(12.99 as DECIMAL(18,2))
 as "revenue", 
    
    cast(1 as BIGINT)
 as "quantity", 
    
    cast(1 as BIGINT)
 as "orders", 
    
    cast(0 as BIGINT)
 as "nb_visits", 
    
    cast(0 as BIGINT)
 as "nb_actions", 
    
    cast(12.99 as DECIMAL(18,2))
 as "avg_price", 
    
    cast(1.0 as DOUBLE)
 as "avg_quantity", 
    
    cast(0.0 as DOUBLE)
 as "conversion_rate"
union all
select 
    
    cast('category' as character varying)
 as "dimension", 
    
    cast('Gift Cards' as character varying)
 as "label", 
    
    cast(0.0 as DECIMAL(18,2))
 as "revenue", 
    
    cast(0 as BIGINT)
 as "quantity", 
    
    cast(0 as BIGINT)
 as "orders", 
    
    cast(1 as BIGINT)
 as "nb_visits", 
    
    cast(1 as BIGINT)
 as "nb_actions", 
    
    cast(50.0 as DECIMAL(18,2))
 as "avg_price", 
    
    cast(0.0 as DOUBLE)
 as "avg_quantity", 
    
    cast(0.0 as DOUBLE)
 as "conversion_rate"
union all
select 
    
    cast('category' as character varying)
 as "dimension", 
    
    cast('Sale' as character varying)
 as "label", 
    
    cast(0.0 as DECIMAL(18,2))
 as "revenue", 
    
    cast(0 as BIGINT)
 as "quantity", 
    
    cast(0 as BIGINT)
 as "orders", 
    
    cast(1 as BIGINT)
 as "nb_visits", 
    
    cast(1 as BIGINT)
 as "nb_actions", 
    
    cast(59.99 as DECIMAL(18,2))
 as "avg_price", 
    
    cast(0.0 as DOUBLE)
 as "avg_quantity", 
    
    cast(0.0 as DOUBLE)
 as "conversion_rate"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected