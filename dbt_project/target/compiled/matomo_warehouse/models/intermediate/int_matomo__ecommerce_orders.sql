/*
  One row per ecommerce order (Matomo goal id 0), on the site-local date of the order.
  Matomo records an order id once per site; if Live ever shows a repeated order id the first
  one wins.
*/
with orders as (

    select * from "corrupted"."matomo_intermediate"."int_matomo__actions"
    where action_type = 'ecommerce_order'

),

ranked as (

    select
        orders.*,
        row_number() over (
            partition by
                id_site,
                coalesce(
                    order_id,
                    cast(id_visit as TEXT) || '#' || cast(action_position as TEXT)
                )
            order by local_epoch, id_visit, action_position
        ) as order_occurrence
    from orders

),

final as (

    select
        id_site,
        id_visit,
        action_position,
        order_id,
        action_local_at as ordered_local_at,
        action_local_date as order_date,
        coalesce(revenue, 0) as revenue,
        coalesce(revenue_subtotal, 0) as revenue_subtotal,
        coalesce(revenue_tax, 0) as revenue_tax,
        coalesce(revenue_shipping, 0) as revenue_shipping,
        coalesce(revenue_discount, 0) as revenue_discount,
        coalesce(items_quantity, 0) as items_quantity,
        dlt_load_id
    from ranked
    where order_occurrence = 1

)

select * from final