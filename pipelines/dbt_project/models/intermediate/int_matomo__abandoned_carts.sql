/*
  One row per visit with an abandoned cart (Matomo goal id -1), on the site-local date of the
  cart's last update. Matomo keeps one cart per visit, overwritten by each cart update, and a
  cart followed by an order in the same visit becomes that order: an abandoned cart is the
  visit's last cart update with no order after it.
*/
with actions as (

    select * from {{ ref('int_matomo__actions') }}
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
        cast(coalesce(c.revenue, 0) as {{ money_type() }}) as revenue,
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
