
    
    



select id_site
from "corrupted"."matomo_staging"."stg_matomo__visit_actions"
where id_site is null


