
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select first_action_epoch
from "corrupted"."matomo_staging"."stg_matomo__visits"
where first_action_epoch is null



  
  
      
    ) dbt_internal_test