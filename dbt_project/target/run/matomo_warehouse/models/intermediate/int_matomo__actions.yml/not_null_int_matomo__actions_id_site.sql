
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select id_site
from "corrupted"."matomo_intermediate"."int_matomo__actions"
where id_site is null



  
  
      
    ) dbt_internal_test