
    
    



select visit_id
from "corrupted"."matomo"."fct_actions"
where visit_id is null


