
select
    id_site, id_visit, request_sequence,
    count(*) as n_rows
from "corrupted"."matomo_intermediate"."int_matomo__actions"
group by id_site, id_visit, request_sequence
having count(*) > 1
