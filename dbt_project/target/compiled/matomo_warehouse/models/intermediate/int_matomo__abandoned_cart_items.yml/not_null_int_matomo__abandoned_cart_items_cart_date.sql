
    
    



select cart_date
from "corrupted"."matomo_intermediate"."int_matomo__abandoned_cart_items"
where cart_date is null


