
select
    id_site, id_visit, credited_by_position,
    count(*) as n_rows
from "corrupted"."matomo_intermediate"."int_matomo__time_on_page"
group by id_site, id_visit, credited_by_position
having count(*) > 1
