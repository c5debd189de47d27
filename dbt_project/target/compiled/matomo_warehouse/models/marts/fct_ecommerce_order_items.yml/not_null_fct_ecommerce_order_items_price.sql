
    
    



select price
from "corrupted"."matomo"."fct_ecommerce_order_items"
where price is null


