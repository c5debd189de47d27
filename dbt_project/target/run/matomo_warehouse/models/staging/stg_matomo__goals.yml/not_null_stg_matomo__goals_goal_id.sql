
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select goal_id
from "corrupted"."matomo_staging"."stg_matomo__goals"
where goal_id is null



  
  
      
    ) dbt_internal_test