
    
    



select timezone
from "corrupted"."matomo"."dim_sites"
where timezone is null


