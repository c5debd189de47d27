
select
    id_site, id_visit, action_position,
    count(*) as n_rows
from "corrupted"."matomo_staging"."stg_matomo__visit_actions"
group by id_site, id_visit, action_position
having count(*) > 1
