
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select goal_name
from "corrupted"."matomo"."dim_goals"
where goal_name is null



  
  
      
    ) dbt_internal_test