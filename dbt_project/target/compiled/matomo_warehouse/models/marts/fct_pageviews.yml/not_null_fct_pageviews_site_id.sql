
    
    



select site_id
from "corrupted"."matomo"."fct_pageviews"
where site_id is null


