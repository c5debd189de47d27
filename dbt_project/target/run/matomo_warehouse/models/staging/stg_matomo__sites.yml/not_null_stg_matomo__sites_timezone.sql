
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select timezone
from "corrupted"."matomo_staging"."stg_matomo__sites"
where timezone is null



  
  
      
    ) dbt_internal_test