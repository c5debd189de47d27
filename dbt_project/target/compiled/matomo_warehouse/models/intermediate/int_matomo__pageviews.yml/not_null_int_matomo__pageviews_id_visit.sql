
    
    



select id_visit
from "corrupted"."matomo_intermediate"."int_matomo__pageviews"
where id_visit is null


