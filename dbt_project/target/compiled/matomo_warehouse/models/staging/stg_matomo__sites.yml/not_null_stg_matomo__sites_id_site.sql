
    
    



select id_site
from "corrupted"."matomo_staging"."stg_matomo__sites"
where id_site is null


