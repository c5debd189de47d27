
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
select
    id_site, id_visit, request_sequence,
    count(*) as n_rows
from "corrupted"."matomo_intermediate"."int_matomo__actions"
group by id_site, id_visit, request_sequence
having count(*) > 1

  
  
      
    ) dbt_internal_test