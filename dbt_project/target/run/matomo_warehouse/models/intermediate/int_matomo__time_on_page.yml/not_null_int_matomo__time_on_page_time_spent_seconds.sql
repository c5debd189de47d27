
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select time_spent_seconds
from "corrupted"."matomo_intermediate"."int_matomo__time_on_page"
where time_spent_seconds is null



  
  
      
    ) dbt_internal_test