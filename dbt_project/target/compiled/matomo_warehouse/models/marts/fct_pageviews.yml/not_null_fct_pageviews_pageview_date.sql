
    
    



select pageview_date
from "corrupted"."matomo"."fct_pageviews"
where pageview_date is null


