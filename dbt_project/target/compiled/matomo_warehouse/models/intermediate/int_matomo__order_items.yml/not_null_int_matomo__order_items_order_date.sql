
    
    



select order_date
from "corrupted"."matomo_intermediate"."int_matomo__order_items"
where order_date is null


