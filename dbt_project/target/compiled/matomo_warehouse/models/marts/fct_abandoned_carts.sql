-- One row per visit that left a cart without ordering it, on the cart's site-local date.
with item_lines as (

    select id_site, id_visit, count(*) as item_lines
    from "corrupted"."matomo_intermediate"."int_matomo__abandoned_cart_items"
    group by id_site, id_visit

)

select
    c.id_site as site_id,
    c.id_visit as visit_id,
    cast(-1 as bigint) as goal_id,
    c.action_position,
    c.cart_date,
    c.cart_updated_local_at,
    v.visitor_id,
    cast(c.revenue as numeric(18, 2)) as revenue,
    cast(c.items_quantity as bigint) as items_quantity,
    coalesce(i.item_lines, 0) as item_lines
from "corrupted"."matomo_intermediate"."int_matomo__abandoned_carts" as c
left join item_lines as i
    on i.id_site = c.id_site
    and i.id_visit = c.id_visit
left join "corrupted"."matomo_intermediate"."int_matomo__visits" as v
    on v.id_site = c.id_site
    and v.id_visit = c.id_visit