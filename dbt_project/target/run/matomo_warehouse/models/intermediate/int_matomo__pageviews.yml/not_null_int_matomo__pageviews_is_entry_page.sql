
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select is_entry_page
from "corrupted"."matomo_intermediate"."int_matomo__pageviews"
where is_entry_page is null



  
  
      
    ) dbt_internal_test