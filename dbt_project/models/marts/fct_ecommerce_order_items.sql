-- One row per item line of an ecommerce order, on the order's site-local date.
select
    id_site,
    id_visit,
    action_position,
    item_position,
    order_id,
    order_date,
    sku,
    item_name,
    item_category,
    price,
    quantity,
    revenue
from {{ ref('int_matomo__order_items') }}
