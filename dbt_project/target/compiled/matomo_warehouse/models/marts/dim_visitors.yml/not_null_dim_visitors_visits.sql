
    
    



select visits
from "corrupted"."matomo"."dim_visitors"
where visits is null


