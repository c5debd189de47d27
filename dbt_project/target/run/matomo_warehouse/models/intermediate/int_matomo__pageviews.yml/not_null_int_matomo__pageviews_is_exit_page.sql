
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select is_exit_page
from "corrupted"."matomo_intermediate"."int_matomo__pageviews"
where is_exit_page is null



  
  
      
    ) dbt_internal_test