
select
    id_site, id_visit, action_position,
    count(*) as n_rows
from "corrupted"."matomo_intermediate"."int_matomo__ecommerce_orders"
group by id_site, id_visit, action_position
having count(*) > 1
