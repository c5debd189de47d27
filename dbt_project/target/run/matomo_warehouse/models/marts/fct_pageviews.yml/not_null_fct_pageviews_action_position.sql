
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select action_position
from "corrupted"."matomo"."fct_pageviews"
where action_position is null



  
  
      
    ) dbt_internal_test