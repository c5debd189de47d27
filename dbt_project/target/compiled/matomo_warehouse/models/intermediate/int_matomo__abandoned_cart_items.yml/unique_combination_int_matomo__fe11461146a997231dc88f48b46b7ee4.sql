
select
    id_site, id_visit, action_position, item_position,
    count(*) as n_rows
from "corrupted"."matomo_intermediate"."int_matomo__abandoned_cart_items"
group by id_site, id_visit, action_position, item_position
having count(*) > 1
