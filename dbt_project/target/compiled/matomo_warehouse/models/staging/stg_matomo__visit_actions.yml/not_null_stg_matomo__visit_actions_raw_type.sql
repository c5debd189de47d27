
    
    



select raw_type
from "corrupted"."matomo_staging"."stg_matomo__visit_actions"
where raw_type is null


