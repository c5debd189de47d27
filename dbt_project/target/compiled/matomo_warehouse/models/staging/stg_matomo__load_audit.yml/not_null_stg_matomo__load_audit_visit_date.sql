
    
    



select visit_date
from "corrupted"."matomo_staging"."stg_matomo__load_audit"
where visit_date is null


