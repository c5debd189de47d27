
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select actions
from "corrupted"."matomo"."fct_visits"
where actions is null



  
  
      
    ) dbt_internal_test