
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
select
    id_site, id_visit,
    count(*) as n_rows
from "corrupted"."matomo_staging"."stg_matomo__visits"
group by id_site, id_visit
having count(*) > 1

  
  
      
    ) dbt_internal_test