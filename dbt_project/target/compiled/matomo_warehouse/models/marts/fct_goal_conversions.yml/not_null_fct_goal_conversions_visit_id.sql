
    
    



select visit_id
from "corrupted"."matomo"."fct_goal_conversions"
where visit_id is null


