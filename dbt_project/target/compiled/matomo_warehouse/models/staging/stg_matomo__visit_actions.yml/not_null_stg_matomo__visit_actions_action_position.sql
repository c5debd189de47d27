
    
    



select action_position
from "corrupted"."matomo_staging"."stg_matomo__visit_actions"
where action_position is null


