
    
    



select id_visit
from "corrupted"."matomo_staging"."stg_matomo__visit_actions"
where id_visit is null


