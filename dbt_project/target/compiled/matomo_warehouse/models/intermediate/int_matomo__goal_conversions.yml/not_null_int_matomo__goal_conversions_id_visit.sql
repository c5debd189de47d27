
    
    



select id_visit
from "corrupted"."matomo_intermediate"."int_matomo__goal_conversions"
where id_visit is null


