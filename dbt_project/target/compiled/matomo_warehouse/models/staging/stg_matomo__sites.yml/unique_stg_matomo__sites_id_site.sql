
    
    

select
    id_site as unique_field,
    count(*) as n_records

from "corrupted"."matomo_staging"."stg_matomo__sites"
where id_site is not null
group by id_site
having count(*) > 1


