
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select time_on_page_seconds
from "corrupted"."matomo"."fct_pageviews"
where time_on_page_seconds is null



  
  
      
    ) dbt_internal_test