
select
    site_id, period, date, goal_id,
    count(*) as n_rows
from "corrupted"."matomo"."metrics_goals"
group by site_id, period, date, goal_id
having count(*) > 1
