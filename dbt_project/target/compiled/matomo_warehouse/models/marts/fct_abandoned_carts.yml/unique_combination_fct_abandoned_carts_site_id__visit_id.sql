
select
    site_id, visit_id,
    count(*) as n_rows
from "corrupted"."matomo"."fct_abandoned_carts"
group by site_id, visit_id
having count(*) > 1
