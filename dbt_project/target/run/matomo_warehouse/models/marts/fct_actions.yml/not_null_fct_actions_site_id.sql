
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select site_id
from "corrupted"."matomo"."fct_actions"
where site_id is null



  
  
      
    ) dbt_internal_test