
    
    



select action_date
from "corrupted"."matomo"."fct_actions"
where action_date is null


