/*
  One row per item of an abandoned cart (the items of the visit's last cart update with no
  later order), on the cart's site-local date (Goals.getItemsSku with abandonedCarts=1).
*/
with items as (

    select * from "corrupted"."matomo_staging"."stg_matomo__ecommerce_items"

),

carts as (

    select * from "corrupted"."matomo_intermediate"."int_matomo__abandoned_carts"

),

final as (

    select
        i.id_site,
        i.id_visit,
        i.action_position,
        i.item_position,
        c.cart_date,
        c.cart_updated_local_at,
        i.sku,
        i.item_name,
        i.item_category,
        i.price,
        i.quantity,
        i.price * i.quantity as revenue,
        i.dlt_load_id
    from items as i
    inner join carts as c
        on c.id_site = i.id_site
        and c.id_visit = i.id_visit
        and c.action_position = i.action_position

)

select * from final