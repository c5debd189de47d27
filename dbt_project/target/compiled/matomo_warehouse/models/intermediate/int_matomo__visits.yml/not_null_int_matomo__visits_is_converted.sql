
    
    



select is_converted
from "corrupted"."matomo_intermediate"."int_matomo__visits"
where is_converted is null


