
select
    site_id, visit_id, action_position, item_position,
    count(*) as n_rows
from "corrupted"."matomo"."fct_ecommerce_order_items"
group by site_id, visit_id, action_position, item_position
having count(*) > 1
