
    
    



select time_on_page_seconds
from "corrupted"."matomo"."fct_pageviews"
where time_on_page_seconds is null


