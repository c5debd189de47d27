
select
    site_id, period, date, label,
    count(*) as n_rows
from "corrupted"."matomo"."metrics_page_titles"
group by site_id, period, date, label
having count(*) > 1
