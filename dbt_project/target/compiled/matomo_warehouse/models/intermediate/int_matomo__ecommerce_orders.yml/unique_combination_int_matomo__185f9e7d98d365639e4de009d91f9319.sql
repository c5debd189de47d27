
select
    id_site, order_id,
    count(*) as n_rows
from "corrupted"."matomo_intermediate"."int_matomo__ecommerce_orders"
group by id_site, order_id
having count(*) > 1
