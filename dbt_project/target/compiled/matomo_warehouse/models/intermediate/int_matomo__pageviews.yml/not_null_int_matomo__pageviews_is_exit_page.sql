
    
    



select is_exit_page
from "corrupted"."matomo_intermediate"."int_matomo__pageviews"
where is_exit_page is null


