
    
    



select local_epoch
from "corrupted"."matomo_staging"."stg_matomo__visit_actions"
where local_epoch is null


