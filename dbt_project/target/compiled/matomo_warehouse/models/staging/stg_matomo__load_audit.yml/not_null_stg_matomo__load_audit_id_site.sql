
    
    



select id_site
from "corrupted"."matomo_staging"."stg_matomo__load_audit"
where id_site is null


