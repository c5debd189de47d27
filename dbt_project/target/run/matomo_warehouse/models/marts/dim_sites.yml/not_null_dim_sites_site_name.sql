
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select site_name
from "corrupted"."matomo"."dim_sites"
where site_name is null



  
  
      
    ) dbt_internal_test