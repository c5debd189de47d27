
    
    



select item_position
from "corrupted"."matomo_staging"."stg_matomo__ecommerce_items"
where item_position is null


