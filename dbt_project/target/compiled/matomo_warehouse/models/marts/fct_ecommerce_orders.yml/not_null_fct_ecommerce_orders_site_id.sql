
    
    



select site_id
from "corrupted"."matomo"."fct_ecommerce_orders"
where site_id is null


