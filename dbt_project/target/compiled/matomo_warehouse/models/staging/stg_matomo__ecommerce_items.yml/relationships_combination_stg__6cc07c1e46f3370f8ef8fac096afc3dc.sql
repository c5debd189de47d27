
select child.*
from "corrupted"."matomo_staging"."stg_matomo__ecommerce_items" as child
where child.id_site is not null and child.id_visit is not null and child.action_position is not null
  and not exists (
    select 1
    from "corrupted"."matomo_staging"."stg_matomo__visit_actions" as parent
    where parent.id_site = child.id_site and parent.id_visit = child.id_visit and parent.action_position = child.action_position
  )
