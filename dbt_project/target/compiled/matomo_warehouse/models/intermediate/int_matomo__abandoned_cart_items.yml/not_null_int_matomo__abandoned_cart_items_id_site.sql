
    
    



select id_site
from "corrupted"."matomo_intermediate"."int_matomo__abandoned_cart_items"
where id_site is null


