-- One row per ecommerce order, on the site-local date of the order.
with item_lines as (

    select id_site, id_visit, action_position, count(*) as item_lines, sum(quantity) as items_quantity
    from "corrupted"."matomo_intermediate"."int_matomo__order_items"
    group by id_site, id_visit, action_position

)

select
    o.id_site as site_id,
    o.order_id,
    o.id_visit as visit_id,
    cast(0 as bigint) as goal_id,
    o.action_position,
    o.order_date,
    o.ordered_local_at,
    v.visitor_id,
    cast(o.revenue as numeric(18, 2)) as revenue,
    cast(o.revenue_subtotal as numeric(18, 2)) as revenue_subtotal,
    cast(o.revenue_tax as numeric(18, 2)) as revenue_tax,
    cast(o.revenue_shipping as numeric(18, 2)) as revenue_shipping,
    cast(o.revenue_discount as numeric(18, 2)) as revenue_discount,
    cast(coalesce(i.items_quantity, o.items_quantity) as bigint) as items_quantity,
    coalesce(i.item_lines, 0) as item_lines
from "corrupted"."matomo_intermediate"."int_matomo__ecommerce_orders" as o
left join item_lines as i
    on i.id_site = o.id_site
    and i.id_visit = o.id_visit
    and i.action_position = o.action_position
left join "corrupted"."matomo_intermediate"."int_matomo__visits" as v
    on v.id_site = o.id_site
    and v.id_visit = o.id_visit