
    
    



select visit_date
from "corrupted"."matomo_intermediate"."int_matomo__visits"
where visit_date is null


