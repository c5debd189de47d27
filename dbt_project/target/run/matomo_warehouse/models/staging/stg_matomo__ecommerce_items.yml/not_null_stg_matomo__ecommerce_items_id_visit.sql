
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select id_visit
from "corrupted"."matomo_staging"."stg_matomo__ecommerce_items"
where id_visit is null



  
  
      
    ) dbt_internal_test