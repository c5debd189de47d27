
    
    



select action_position
from "corrupted"."matomo_intermediate"."int_matomo__time_on_page"
where action_position is null


