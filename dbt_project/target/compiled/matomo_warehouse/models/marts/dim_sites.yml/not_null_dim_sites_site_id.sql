
    
    



select site_id
from "corrupted"."matomo"."dim_sites"
where site_id is null


