
    
    



select site_id
from "corrupted"."matomo"."dim_visitors"
where site_id is null


