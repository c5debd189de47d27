
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
select
    site_id, period, date, dimension, label,
    count(*) as n_rows
from "corrupted"."matomo"."metrics_products"
group by site_id, period, date, dimension, label
having count(*) > 1

  
  
      
    ) dbt_internal_test