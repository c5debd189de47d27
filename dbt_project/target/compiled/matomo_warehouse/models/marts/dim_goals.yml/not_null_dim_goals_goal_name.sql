
    
    



select goal_name
from "corrupted"."matomo"."dim_goals"
where goal_name is null


