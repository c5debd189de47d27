
    
    



select actions
from "corrupted"."matomo"."fct_visits"
where actions is null


