
    
    



select id_visit
from "corrupted"."matomo_intermediate"."int_matomo__ecommerce_orders"
where id_visit is null


