
    
    



select id_site
from "corrupted"."matomo_intermediate"."int_matomo__ecommerce_orders"
where id_site is null


