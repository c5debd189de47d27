
    
    



select action_position
from "corrupted"."matomo_staging"."stg_matomo__ecommerce_items"
where action_position is null


