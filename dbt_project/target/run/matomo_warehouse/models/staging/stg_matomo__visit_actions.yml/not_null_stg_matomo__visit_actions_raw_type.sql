
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select raw_type
from "corrupted"."matomo_staging"."stg_matomo__visit_actions"
where raw_type is null



  
  
      
    ) dbt_internal_test