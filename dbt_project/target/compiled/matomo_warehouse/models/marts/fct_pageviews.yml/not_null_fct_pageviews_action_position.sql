
    
    



select action_position
from "corrupted"."matomo"."fct_pageviews"
where action_position is null


