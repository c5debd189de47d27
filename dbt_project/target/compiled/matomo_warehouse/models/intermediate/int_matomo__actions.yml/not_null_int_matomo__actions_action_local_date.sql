
    
    



select action_local_date
from "corrupted"."matomo_intermediate"."int_matomo__actions"
where action_local_date is null


