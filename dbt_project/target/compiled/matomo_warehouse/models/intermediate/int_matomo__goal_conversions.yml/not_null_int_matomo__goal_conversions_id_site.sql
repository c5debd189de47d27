
    
    



select id_site
from "corrupted"."matomo_intermediate"."int_matomo__goal_conversions"
where id_site is null


