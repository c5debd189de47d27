
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select credited_by_position
from "corrupted"."matomo_intermediate"."int_matomo__time_on_page"
where credited_by_position is null



  
  
      
    ) dbt_internal_test