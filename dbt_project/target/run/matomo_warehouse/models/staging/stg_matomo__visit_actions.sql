
  
  create view "corrupted"."matomo_staging"."stg_matomo__visit_actions__dbt_tmp" as (
    -- One row per actionDetails entry of a visit, renamed and typed. No joins.
with source as (

    select
        
        cast("id_site" as bigint) as "id_site",
        cast("id_visit" as bigint) as "id_visit",
        cast("position" as bigint) as "position",
        cast("type" as TEXT) as "type",
        cast("timestamp" as bigint) as "timestamp",
        cast("url" as TEXT) as "url",
        cast("page_title" as TEXT) as "page_title",
        cast("page_id_action" as bigint) as "page_id_action",
        cast("idpageview" as TEXT) as "idpageview",
        cast("pageview_position" as bigint) as "pageview_position",
        cast("time_spent" as bigint) as "time_spent",
        cast("page_load_time_milliseconds" as bigint) as "page_load_time_milliseconds",
        cast("event_category" as TEXT) as "event_category",
        cast("event_action" as TEXT) as "event_action",
        cast("event_name" as TEXT) as "event_name",
        cast("event_value" as numeric(38, 9)) as "event_value",
        cast("site_search_keyword" as TEXT) as "site_search_keyword",
        cast("site_search_category" as TEXT) as "site_search_category",
        cast("site_search_count" as bigint) as "site_search_count",
        cast("goal_id" as bigint) as "goal_id",
        cast("goal_name" as TEXT) as "goal_name",
        cast("revenue" as numeric(38, 9)) as "revenue",
        cast("order_id" as TEXT) as "order_id",
        cast("items" as bigint) as "items",
        cast("revenue_sub_total" as numeric(38, 9)) as "revenue_sub_total",
        cast("revenue_tax" as numeric(38, 9)) as "revenue_tax",
        cast("revenue_shipping" as numeric(38, 9)) as "revenue_shipping",
        cast("revenue_discount" as numeric(38, 9)) as "revenue_discount",
        cast("content_name" as TEXT) as "content_name",
        cast("content_piece" as TEXT) as "content_piece",
        cast("content_target" as TEXT) as "content_target",
        cast("content_interaction" as TEXT) as "content_interaction",
        cast("product_view_sku" as TEXT) as "product_view_sku",
        cast("product_view_name" as TEXT) as "product_view_name",
        cast("product_view_price" as numeric(38, 9)) as "product_view_price",
        cast("product_view_categories" as varchar[]) as "product_view_categories",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id"
    from "corrupted"."matomo_raw"."visit_actions"

),

renamed as (

    select
        id_site,
        id_visit,
        position as action_position,
        type as raw_type,
        timestamp as local_epoch,
        url,
        page_title,
        page_id_action,
        idpageview as pageview_id,
        pageview_position,
        time_spent as live_time_spent_seconds,
        page_load_time_milliseconds,
        event_category,
        event_action,
        event_name,
        event_value,
        site_search_keyword as search_keyword,
        site_search_category as search_category,
        site_search_count as search_result_count,
        goal_id,
        goal_name,
        revenue,
        order_id,
        items as items_quantity,
        revenue_sub_total as revenue_subtotal,
        revenue_tax,
        revenue_shipping,
        revenue_discount,
        content_name,
        content_piece,
        content_target,
        content_interaction,
        product_view_sku,
        product_view_name,
        product_view_price,
        product_view_categories,
        _dlt_load_id as dlt_load_id
    from source

)

select * from renamed
  );
