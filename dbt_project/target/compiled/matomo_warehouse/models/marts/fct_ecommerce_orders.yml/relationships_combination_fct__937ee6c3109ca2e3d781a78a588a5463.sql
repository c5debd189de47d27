
select child.*
from "corrupted"."matomo"."fct_ecommerce_orders" as child
where child.site_id is not null and child.visit_id is not null
  and not exists (
    select 1
    from "corrupted"."matomo"."fct_visits" as parent
    where parent.site_id = child.site_id and parent.visit_id = child.visit_id
  )
