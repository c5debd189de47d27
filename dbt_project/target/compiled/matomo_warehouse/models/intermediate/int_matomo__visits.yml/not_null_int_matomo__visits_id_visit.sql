
    
    



select id_visit
from "corrupted"."matomo_intermediate"."int_matomo__visits"
where id_visit is null


