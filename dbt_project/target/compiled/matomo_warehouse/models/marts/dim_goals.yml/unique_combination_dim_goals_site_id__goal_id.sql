
select
    site_id, goal_id,
    count(*) as n_rows
from "corrupted"."matomo"."dim_goals"
group by site_id, goal_id
having count(*) > 1
