
select
    site_id, period, date,
    count(*) as n_rows
from "corrupted"."matomo"."metrics_visits_summary"
group by site_id, period, date
having count(*) > 1
