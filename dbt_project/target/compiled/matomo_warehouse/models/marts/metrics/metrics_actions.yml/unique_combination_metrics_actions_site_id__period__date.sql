
select
    site_id, period, date,
    count(*) as n_rows
from "corrupted"."matomo"."metrics_actions"
group by site_id, period, date
having count(*) > 1
