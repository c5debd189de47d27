
    
    



select action_type
from "corrupted"."matomo_intermediate"."int_matomo__actions"
where action_type is null


