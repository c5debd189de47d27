
    
    



select revenue
from "corrupted"."matomo"."fct_goal_conversions"
where revenue is null


