
    
    



select site_id
from "corrupted"."matomo"."fct_goal_conversions"
where site_id is null


