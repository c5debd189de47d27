
select
    site_id, period, date, dimension, label,
    count(*) as n_rows
from "corrupted"."matomo"."metrics_events"
group by site_id, period, date, dimension, label
having count(*) > 1
