
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
select
    site_id, period, date, label,
    count(*) as n_rows
from "corrupted"."matomo"."metrics_page_urls"
group by site_id, period, date, label
having count(*) > 1

  
  
      
    ) dbt_internal_test