
    
    



select goal_id
from "corrupted"."matomo_intermediate"."int_matomo__goal_conversions"
where goal_id is null


