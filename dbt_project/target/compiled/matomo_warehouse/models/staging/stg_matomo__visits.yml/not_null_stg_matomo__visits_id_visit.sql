
    
    



select id_visit
from "corrupted"."matomo_staging"."stg_matomo__visits"
where id_visit is null


