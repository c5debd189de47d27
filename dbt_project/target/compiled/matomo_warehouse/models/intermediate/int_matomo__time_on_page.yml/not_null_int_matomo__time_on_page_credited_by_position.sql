
    
    



select credited_by_position
from "corrupted"."matomo_intermediate"."int_matomo__time_on_page"
where credited_by_position is null


