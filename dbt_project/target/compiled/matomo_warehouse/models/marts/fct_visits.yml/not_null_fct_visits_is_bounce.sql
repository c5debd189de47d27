
    
    



select is_bounce
from "corrupted"."matomo"."fct_visits"
where is_bounce is null


