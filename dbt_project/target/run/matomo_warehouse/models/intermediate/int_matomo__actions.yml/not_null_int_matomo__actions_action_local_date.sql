
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select action_local_date
from "corrupted"."matomo_intermediate"."int_matomo__actions"
where action_local_date is null



  
  
      
    ) dbt_internal_test