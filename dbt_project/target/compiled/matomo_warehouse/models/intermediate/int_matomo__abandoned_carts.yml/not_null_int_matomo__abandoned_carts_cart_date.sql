
    
    



select cart_date
from "corrupted"."matomo_intermediate"."int_matomo__abandoned_carts"
where cart_date is null


