
    
    



select visit_id
from "corrupted"."matomo"."fct_pageviews"
where visit_id is null


