
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select action_position
from "corrupted"."matomo_staging"."stg_matomo__ecommerce_items"
where action_position is null



  
  
      
    ) dbt_internal_test