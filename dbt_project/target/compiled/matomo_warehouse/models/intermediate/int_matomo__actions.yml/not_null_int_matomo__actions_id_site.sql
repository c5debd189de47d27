
    
    



select id_site
from "corrupted"."matomo_intermediate"."int_matomo__actions"
where id_site is null


