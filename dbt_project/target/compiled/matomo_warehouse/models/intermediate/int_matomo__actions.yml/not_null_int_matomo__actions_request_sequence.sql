
    
    



select request_sequence
from "corrupted"."matomo_intermediate"."int_matomo__actions"
where request_sequence is null


