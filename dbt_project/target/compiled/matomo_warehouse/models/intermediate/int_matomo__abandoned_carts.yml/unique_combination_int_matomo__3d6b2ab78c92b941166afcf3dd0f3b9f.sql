
select
    id_site, id_visit,
    count(*) as n_rows
from "corrupted"."matomo_intermediate"."int_matomo__abandoned_carts"
group by id_site, id_visit
having count(*) > 1
