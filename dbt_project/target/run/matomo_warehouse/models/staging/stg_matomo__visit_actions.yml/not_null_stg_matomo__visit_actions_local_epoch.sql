
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select local_epoch
from "corrupted"."matomo_staging"."stg_matomo__visit_actions"
where local_epoch is null



  
  
      
    ) dbt_internal_test