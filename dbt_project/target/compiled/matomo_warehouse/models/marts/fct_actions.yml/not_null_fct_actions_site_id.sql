
    
    



select site_id
from "corrupted"."matomo"."fct_actions"
where site_id is null


