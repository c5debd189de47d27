
    
    



select site_id
from "corrupted"."matomo"."dim_goals"
where site_id is null


