
    
    



select id_visit
from "corrupted"."matomo_staging"."stg_matomo__ecommerce_items"
where id_visit is null


