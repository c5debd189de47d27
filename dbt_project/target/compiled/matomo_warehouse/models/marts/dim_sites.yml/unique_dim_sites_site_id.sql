
    
    

select
    site_id as unique_field,
    count(*) as n_records

from "corrupted"."matomo"."dim_sites"
where site_id is not null
group by site_id
having count(*) > 1


