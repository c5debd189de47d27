
    
    



select order_date
from "corrupted"."matomo"."fct_ecommerce_orders"
where order_date is null


