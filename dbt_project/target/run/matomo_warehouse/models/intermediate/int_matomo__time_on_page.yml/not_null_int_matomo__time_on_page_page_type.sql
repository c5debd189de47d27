
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select page_type
from "corrupted"."matomo_intermediate"."int_matomo__time_on_page"
where page_type is null



  
  
      
    ) dbt_internal_test