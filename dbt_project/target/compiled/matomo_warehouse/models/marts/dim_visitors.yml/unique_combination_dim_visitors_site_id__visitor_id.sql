
select
    site_id, visitor_id,
    count(*) as n_rows
from "corrupted"."matomo"."dim_visitors"
group by site_id, visitor_id
having count(*) > 1
