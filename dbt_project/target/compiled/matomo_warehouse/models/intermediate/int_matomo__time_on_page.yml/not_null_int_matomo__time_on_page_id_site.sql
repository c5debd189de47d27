
    
    



select id_site
from "corrupted"."matomo_intermediate"."int_matomo__time_on_page"
where id_site is null


