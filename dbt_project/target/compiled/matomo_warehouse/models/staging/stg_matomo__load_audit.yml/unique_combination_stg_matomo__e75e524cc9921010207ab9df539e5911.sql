
select
    id_site, visit_date, dlt_load_id,
    count(*) as n_rows
from "corrupted"."matomo_staging"."stg_matomo__load_audit"
group by id_site, visit_date, dlt_load_id
having count(*) > 1
