
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select request_sequence
from "corrupted"."matomo_intermediate"."int_matomo__actions"
where request_sequence is null



  
  
      
    ) dbt_internal_test