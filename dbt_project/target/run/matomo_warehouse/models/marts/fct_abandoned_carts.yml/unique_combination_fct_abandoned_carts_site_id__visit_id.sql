
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
select
    site_id, visit_id,
    count(*) as n_rows
from "corrupted"."matomo"."fct_abandoned_carts"
group by site_id, visit_id
having count(*) > 1

  
  
      
    ) dbt_internal_test