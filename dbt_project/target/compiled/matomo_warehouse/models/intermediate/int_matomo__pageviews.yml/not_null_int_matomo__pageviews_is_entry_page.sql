
    
    



select is_entry_page
from "corrupted"."matomo_intermediate"."int_matomo__pageviews"
where is_entry_page is null


