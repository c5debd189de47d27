
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
select child.*
from "corrupted"."matomo_staging"."stg_matomo__visit_actions" as child
where child.id_site is not null and child.id_visit is not null
  and not exists (
    select 1
    from "corrupted"."matomo_staging"."stg_matomo__visits" as parent
    where parent.id_site = child.id_site and parent.id_visit = child.id_visit
  )

  
  
      
    ) dbt_internal_test