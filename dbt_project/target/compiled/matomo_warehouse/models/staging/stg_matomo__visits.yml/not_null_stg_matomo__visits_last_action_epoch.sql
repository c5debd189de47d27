
    
    



select last_action_epoch
from "corrupted"."matomo_staging"."stg_matomo__visits"
where last_action_epoch is null


