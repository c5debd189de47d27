-- One row per visitor id of a site (Matomo's idvisitor), over the visits loaded.
with visits as (

    select * from "corrupted"."matomo"."fct_visits"

),

ranked as (

    select
        visits.*,
        row_number() over (
            partition by site_id, visitor_id order by last_action_at desc, visit_id desc
        ) as recency
    from visits

),

aggregated as (

    select
        site_id,
        visitor_id,
        min(first_action_at) as first_seen_at,
        max(last_action_at) as last_seen_at,
        min(visit_date) as first_visit_date,
        max(visit_date) as last_visit_date,
        count(*) as visits,
        cast(sum(actions) as bigint) as actions,
        count(*) filter (where is_converted) as converted_visits,
        cast(sum(ecommerce_orders) as bigint) as ecommerce_orders,
        cast(sum(revenue) as numeric(18, 2)) as revenue,
        max(user_id) as any_user_id
    from visits
    group by site_id, visitor_id

)

select
    a.site_id,
    a.visitor_id,
    coalesce(r.user_id, a.any_user_id) as user_id,
    a.first_seen_at,
    a.last_seen_at,
    a.first_visit_date,
    a.last_visit_date,
    a.visits,
    a.actions,
    a.converted_visits,
    a.ecommerce_orders,
    a.revenue,
    r.country_code as last_country_code,
    r.device_type as last_device_type
from aggregated as a
inner join ranked as r
    on r.site_id = a.site_id
    and r.visitor_id = a.visitor_id
    and r.recency = 1