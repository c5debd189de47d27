
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select is_converted
from "corrupted"."matomo_intermediate"."int_matomo__visits"
where is_converted is null



  
  
      
    ) dbt_internal_test