
    
    



select cart_date
from "corrupted"."matomo"."fct_abandoned_carts"
where cart_date is null


