
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  -- Fails on any mart cell that differs from Matomo's report without an explanation.
select *
from "corrupted"."matomo_audit"."reconciliation"
where status not in ('match', 'explained_truncated_others', 'explained_truncated_actions')
  
  
      
    ) dbt_internal_test