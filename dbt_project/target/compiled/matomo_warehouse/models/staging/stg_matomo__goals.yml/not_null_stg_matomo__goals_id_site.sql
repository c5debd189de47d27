
    
    



select id_site
from "corrupted"."matomo_staging"."stg_matomo__goals"
where id_site is null


