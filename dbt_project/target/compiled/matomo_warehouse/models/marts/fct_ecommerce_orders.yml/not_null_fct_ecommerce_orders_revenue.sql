
    
    



select revenue
from "corrupted"."matomo"."fct_ecommerce_orders"
where revenue is null


