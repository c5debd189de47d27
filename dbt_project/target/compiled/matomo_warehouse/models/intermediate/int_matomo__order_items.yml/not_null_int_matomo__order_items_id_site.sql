
    
    



select id_site
from "corrupted"."matomo_intermediate"."int_matomo__order_items"
where id_site is null


