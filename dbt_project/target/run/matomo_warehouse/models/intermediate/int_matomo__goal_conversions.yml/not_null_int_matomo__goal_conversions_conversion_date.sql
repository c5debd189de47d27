
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select conversion_date
from "corrupted"."matomo_intermediate"."int_matomo__goal_conversions"
where conversion_date is null



  
  
      
    ) dbt_internal_test