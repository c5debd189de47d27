
    
    



select action_position
from "corrupted"."matomo_intermediate"."int_matomo__actions"
where action_position is null


