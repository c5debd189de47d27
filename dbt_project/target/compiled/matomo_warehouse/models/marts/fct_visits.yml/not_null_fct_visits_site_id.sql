
    
    



select site_id
from "corrupted"."matomo"."fct_visits"
where site_id is null


