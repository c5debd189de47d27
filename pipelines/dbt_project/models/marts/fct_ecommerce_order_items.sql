-- One row per item line of an ecommerce order, on the order's site-local date.
select
    id_site as site_id,
    id_visit as visit_id,
    action_position,
    item_position,
    order_id,
    order_date,
    sku,
    item_name,
    item_category,
    cast(price as {{ mart_money_type() }}) as price,
    quantity,
    cast(revenue as {{ mart_money_type() }}) as revenue
from {{ ref('int_matomo__order_items') }}
