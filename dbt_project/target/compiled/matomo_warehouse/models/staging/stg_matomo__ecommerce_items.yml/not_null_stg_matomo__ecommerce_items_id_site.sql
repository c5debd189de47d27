
    
    



select id_site
from "corrupted"."matomo_staging"."stg_matomo__ecommerce_items"
where id_site is null


