
    
    



select conversion_date
from "corrupted"."matomo"."fct_goal_conversions"
where conversion_date is null


