
    
    



select revenue
from "corrupted"."matomo"."fct_abandoned_carts"
where revenue is null


