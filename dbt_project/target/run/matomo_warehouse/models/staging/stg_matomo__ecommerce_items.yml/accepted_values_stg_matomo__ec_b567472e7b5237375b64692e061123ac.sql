
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        raw_action_type as value_field,
        count(*) as n_records

    from "corrupted"."matomo_staging"."stg_matomo__ecommerce_items"
    group by raw_action_type

)

select *
from all_values
where value_field not in (
    'ecommerceOrder','ecommerceAbandonedCart'
)



  
  
      
    ) dbt_internal_test