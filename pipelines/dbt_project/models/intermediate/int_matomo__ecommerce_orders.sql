/*
  One row per ecommerce order (Matomo goal id 0), on the site-local date of the order.
  Matomo records an order id once per site; if Live ever shows a repeated order id the first
  one wins.
*/
with orders as (

    select * from {{ ref('int_matomo__actions') }}
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
                    cast(id_visit as {{ dbt.type_string() }}) || '#' || cast(action_position as {{ dbt.type_string() }})
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
        cast(coalesce(revenue, 0) as {{ money_type() }}) as revenue,
        cast(coalesce(revenue_subtotal, 0) as {{ money_type() }}) as revenue_subtotal,
        cast(coalesce(revenue_tax, 0) as {{ money_type() }}) as revenue_tax,
        cast(coalesce(revenue_shipping, 0) as {{ money_type() }}) as revenue_shipping,
        cast(coalesce(revenue_discount, 0) as {{ money_type() }}) as revenue_discount,
        coalesce(items_quantity, 0) as items_quantity,
        dlt_load_id
    from ranked
    where order_occurrence = 1

)

select * from final
