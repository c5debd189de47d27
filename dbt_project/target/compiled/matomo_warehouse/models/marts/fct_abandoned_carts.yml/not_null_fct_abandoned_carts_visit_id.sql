
    
    



select visit_id
from "corrupted"."matomo"."fct_abandoned_carts"
where visit_id is null


