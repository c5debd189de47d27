
    
    



select is_converted
from "corrupted"."matomo"."fct_visits"
where is_converted is null


