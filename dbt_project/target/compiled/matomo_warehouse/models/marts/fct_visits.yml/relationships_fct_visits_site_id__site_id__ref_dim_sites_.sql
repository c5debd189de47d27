
    
    

with child as (
    select site_id as from_field
    from "corrupted"."matomo"."fct_visits"
    where site_id is not null
),

parent as (
    select site_id as to_field
    from "corrupted"."matomo"."dim_sites"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null


