
    
    



select is_bounce
from "corrupted"."matomo_intermediate"."int_matomo__visits"
where is_bounce is null


