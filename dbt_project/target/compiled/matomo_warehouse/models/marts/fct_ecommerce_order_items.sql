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
    cast(price as numeric(18, 2)) as price,
    quantity,
    cast(revenue as numeric(18, 2)) as revenue
from "corrupted"."matomo_intermediate"."int_matomo__order_items"