-- One row per item of an ecommerce order or abandoned-cart action. No joins.
with source as (

    select
        
        cast("id_site" as bigint) as "id_site",
        cast("id_visit" as bigint) as "id_visit",
        cast("position" as bigint) as "position",
        cast("item_position" as bigint) as "item_position",
        cast("action_type" as TEXT) as "action_type",
        cast("order_id" as TEXT) as "order_id",
        cast("item_sku" as TEXT) as "item_sku",
        cast("item_name" as TEXT) as "item_name",
        cast("item_category" as TEXT) as "item_category",
        cast("categories" as varchar[]) as "categories",
        cast("price" as numeric(38, 9)) as "price",
        cast("quantity" as bigint) as "quantity",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id"
    from "corrupted"."matomo_raw"."ecommerce_items"

),

renamed as (

    select
        id_site,
        id_visit,
        position as action_position,
        item_position,
        action_type as raw_action_type,
        order_id,
        item_sku as sku,
        item_name,
        nullif(item_category, '') as item_category,
        categories as item_categories,
        coalesce(price, 0) as price,
        coalesce(quantity, 0) as quantity,
        _dlt_load_id as dlt_load_id
    from source

)

select * from renamed