
select
    site_id, visit_id, action_position,
    count(*) as n_rows
from "corrupted"."matomo"."fct_actions"
group by site_id, visit_id, action_position
having count(*) > 1
