
    
    



select id_site
from "corrupted"."matomo_intermediate"."int_matomo__abandoned_carts"
where id_site is null


