
    
    



select visit_date
from "corrupted"."matomo"."fct_visits"
where visit_date is null


