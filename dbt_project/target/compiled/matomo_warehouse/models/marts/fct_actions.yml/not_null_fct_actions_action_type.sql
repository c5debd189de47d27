
    
    



select action_type
from "corrupted"."matomo"."fct_actions"
where action_type is null


