
select
    id_site, goal_id,
    count(*) as n_rows
from "corrupted"."matomo_staging"."stg_matomo__goals"
group by id_site, goal_id
having count(*) > 1
