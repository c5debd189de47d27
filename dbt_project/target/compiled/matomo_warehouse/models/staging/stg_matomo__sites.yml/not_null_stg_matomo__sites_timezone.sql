
    
    



select timezone
from "corrupted"."matomo_staging"."stg_matomo__sites"
where timezone is null


