
    
    



select revenue
from "corrupted"."matomo"."fct_visits"
where revenue is null


