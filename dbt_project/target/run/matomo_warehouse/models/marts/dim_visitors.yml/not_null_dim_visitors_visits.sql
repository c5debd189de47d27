
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select visits
from "corrupted"."matomo"."dim_visitors"
where visits is null



  
  
      
    ) dbt_internal_test