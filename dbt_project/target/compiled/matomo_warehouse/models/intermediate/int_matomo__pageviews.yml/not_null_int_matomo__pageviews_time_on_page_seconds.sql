
    
    



select time_on_page_seconds
from "corrupted"."matomo_intermediate"."int_matomo__pageviews"
where time_on_page_seconds is null


