
    
    



select site_name
from "corrupted"."matomo"."dim_sites"
where site_name is null


