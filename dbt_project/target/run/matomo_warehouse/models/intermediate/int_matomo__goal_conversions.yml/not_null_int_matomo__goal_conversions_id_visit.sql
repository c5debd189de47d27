
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select id_visit
from "corrupted"."matomo_intermediate"."int_matomo__goal_conversions"
where id_visit is null



  
  
      
    ) dbt_internal_test