
    
    



select goal_id
from "corrupted"."matomo"."dim_goals"
where goal_id is null


