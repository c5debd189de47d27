
    
    



select quantity
from "corrupted"."matomo"."fct_ecommerce_order_items"
where quantity is null


