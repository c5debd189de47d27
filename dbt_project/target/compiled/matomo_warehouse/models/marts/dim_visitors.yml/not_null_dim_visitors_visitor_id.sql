
    
    



select visitor_id
from "corrupted"."matomo"."dim_visitors"
where visitor_id is null


