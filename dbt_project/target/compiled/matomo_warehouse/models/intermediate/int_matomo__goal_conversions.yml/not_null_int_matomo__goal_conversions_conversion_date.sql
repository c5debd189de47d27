
    
    



select conversion_date
from "corrupted"."matomo_intermediate"."int_matomo__goal_conversions"
where conversion_date is null


