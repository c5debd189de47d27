
    
    

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


