
    
    



select visit_id
from "corrupted"."matomo"."fct_visits"
where visit_id is null


