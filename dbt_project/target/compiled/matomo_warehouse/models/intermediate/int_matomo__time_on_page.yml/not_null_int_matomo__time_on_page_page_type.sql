
    
    



select page_type
from "corrupted"."matomo_intermediate"."int_matomo__time_on_page"
where page_type is null


