
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select pageview_date
from "corrupted"."matomo"."fct_pageviews"
where pageview_date is null



  
  
      
    ) dbt_internal_test