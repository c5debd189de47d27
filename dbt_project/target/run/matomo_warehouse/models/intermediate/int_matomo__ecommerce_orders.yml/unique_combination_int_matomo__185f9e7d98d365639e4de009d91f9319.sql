
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
select
    id_site, order_id,
    count(*) as n_rows
from "corrupted"."matomo_intermediate"."int_matomo__ecommerce_orders"
group by id_site, order_id
having count(*) > 1

  
  
      
    ) dbt_internal_test