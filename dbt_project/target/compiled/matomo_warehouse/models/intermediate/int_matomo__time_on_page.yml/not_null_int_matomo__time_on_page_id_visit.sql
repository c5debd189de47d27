
    
    



select id_visit
from "corrupted"."matomo_intermediate"."int_matomo__time_on_page"
where id_visit is null


