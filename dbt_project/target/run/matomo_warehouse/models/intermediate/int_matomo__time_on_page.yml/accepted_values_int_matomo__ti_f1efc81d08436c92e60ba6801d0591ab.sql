
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        page_type as value_field,
        count(*) as n_records

    from "corrupted"."matomo_intermediate"."int_matomo__time_on_page"
    group by page_type

)

select *
from all_values
where value_field not in (
    'pageview','site_search'
)



  
  
      
    ) dbt_internal_test