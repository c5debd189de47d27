
    
    



select site_id
from "corrupted"."matomo"."fct_abandoned_carts"
where site_id is null


