
    
    



select visit_id
from "corrupted"."matomo"."fct_ecommerce_orders"
where visit_id is null


