
select
    site_id, order_id,
    count(*) as n_rows
from "corrupted"."matomo"."fct_ecommerce_orders"
group by site_id, order_id
having count(*) > 1
