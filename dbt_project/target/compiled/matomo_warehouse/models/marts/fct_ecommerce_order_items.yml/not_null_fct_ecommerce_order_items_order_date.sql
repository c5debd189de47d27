
    
    



select order_date
from "corrupted"."matomo"."fct_ecommerce_order_items"
where order_date is null


