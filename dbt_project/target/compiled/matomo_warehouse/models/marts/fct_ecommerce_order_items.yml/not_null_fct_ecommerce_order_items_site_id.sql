
    
    



select site_id
from "corrupted"."matomo"."fct_ecommerce_order_items"
where site_id is null


