
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select cart_date
from "corrupted"."matomo"."fct_abandoned_carts"
where cart_date is null



  
  
      
    ) dbt_internal_test