
select child.*
from "corrupted"."matomo"."fct_goal_conversions" as child
where child.site_id is not null and child.goal_id is not null
  and not exists (
    select 1
    from "corrupted"."matomo"."dim_goals" as parent
    where parent.site_id = child.site_id and parent.goal_id = child.goal_id
  )
