
    
    



select action_position
from "corrupted"."matomo"."fct_actions"
where action_position is null


