
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
select
    site_id, visit_id, action_position,
    count(*) as n_rows
from "corrupted"."matomo"."fct_goal_conversions"
group by site_id, visit_id, action_position
having count(*) > 1

  
  
      
    ) dbt_internal_test