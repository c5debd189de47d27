
    
    



select id_visit
from "corrupted"."matomo_intermediate"."int_matomo__abandoned_carts"
where id_visit is null


