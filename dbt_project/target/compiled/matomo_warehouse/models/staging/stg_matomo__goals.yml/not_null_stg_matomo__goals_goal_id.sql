
    
    



select goal_id
from "corrupted"."matomo_staging"."stg_matomo__goals"
where goal_id is null


