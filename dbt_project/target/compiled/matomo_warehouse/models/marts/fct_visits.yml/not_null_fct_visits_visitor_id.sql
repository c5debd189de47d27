
    
    



select visitor_id
from "corrupted"."matomo"."fct_visits"
where visitor_id is null


