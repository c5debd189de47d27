
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
select
    id_site, goal_id,
    count(*) as n_rows
from "corrupted"."matomo_staging"."stg_matomo__goals"
group by id_site, goal_id
having count(*) > 1

  
  
      
    ) dbt_internal_test