
    
    



select order_date
from "corrupted"."matomo_intermediate"."int_matomo__ecommerce_orders"
where order_date is null


