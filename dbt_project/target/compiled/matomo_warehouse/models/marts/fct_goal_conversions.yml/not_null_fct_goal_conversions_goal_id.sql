
    
    



select goal_id
from "corrupted"."matomo"."fct_goal_conversions"
where goal_id is null


