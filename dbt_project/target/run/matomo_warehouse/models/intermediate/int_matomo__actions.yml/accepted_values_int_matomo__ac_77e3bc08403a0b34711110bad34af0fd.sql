
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        action_type as value_field,
        count(*) as n_records

    from "corrupted"."matomo_intermediate"."int_matomo__actions"
    group by action_type

)

select *
from all_values
where value_field not in (
    'pageview','download','outlink','site_search','event','content_impression','content_interaction','goal','ecommerce_order','abandoned_cart'
)



  
  
      
    ) dbt_internal_test