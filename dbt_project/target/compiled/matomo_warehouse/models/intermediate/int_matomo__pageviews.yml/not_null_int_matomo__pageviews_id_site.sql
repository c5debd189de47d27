
    
    



select id_site
from "corrupted"."matomo_intermediate"."int_matomo__pageviews"
where id_site is null


