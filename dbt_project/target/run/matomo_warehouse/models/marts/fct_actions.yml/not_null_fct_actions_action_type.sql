
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select action_type
from "corrupted"."matomo"."fct_actions"
where action_type is null



  
  
      
    ) dbt_internal_test