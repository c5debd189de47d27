
    
    



select time_spent_seconds
from "corrupted"."matomo_intermediate"."int_matomo__time_on_page"
where time_spent_seconds is null


