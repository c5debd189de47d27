
/*
  Goals.get per site, local day and goal: `goal_id` NULL (Goals.get without idGoal: regular
  goals plus ecommerce orders, carts excluded; nb_visits_converted = VisitsSummary's), a goal
  id, 0 (ecommerce order) or -1 (abandoned cart), Matomo's own ids; `goal_param` is the
  idGoal request parameter ('1', 'ecommerceOrder', 'ecommerceAbandonedCart'; NULL overall).
  Conversions count on their own local day; conversion_rate = converted visits / all visits
  of the day, a fraction rounded to 4 decimals.
*/
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from "corrupted"."matomo_intermediate"."int_matomo__incremental_window"
    where model_name = 'metrics_goals'

),

days as (

    select site_id, day from (select p.* from "corrupted"."matomo_intermediate"."int_metrics__periods" as p) where period = 'day'

),

summary as (

    select s.site_id, s.date as day, s.nb_visits, s.nb_visits_converted
    from "corrupted"."matomo"."metrics_visits_summary" as s
    where s.period = 'day'

),

conversions as (

    select id_site, conversion_date as day, cast(goal_id as bigint) as goal_id, id_visit,
           revenue, cast(null as decimal(38, 9)) as revenue_subtotal,
           cast(null as decimal(38, 9)) as revenue_tax, cast(null as decimal(38, 9)) as revenue_shipping,
           cast(null as decimal(38, 9)) as revenue_discount, cast(0 as bigint) as items
    from "corrupted"."matomo_intermediate"."int_matomo__goal_conversions"
    union all
    select id_site, order_date, 0, id_visit, revenue, revenue_subtotal, revenue_tax,
           revenue_shipping, revenue_discount, items_quantity
    from "corrupted"."matomo_intermediate"."int_matomo__ecommerce_orders"
    union all
    select id_site, cart_date, -1, id_visit, revenue, null, null, null, null,
           items_quantity
    from "corrupted"."matomo_intermediate"."int_matomo__abandoned_carts"

),

per_goal as (

    select id_site, day, goal_id,
           count(*) as nb_conversions,
           count(distinct id_visit) as nb_visits_converted,
           sum(coalesce(revenue, 0)) as revenue,
           sum(revenue_subtotal) as revenue_subtotal,
           sum(revenue_tax) as revenue_tax,
           sum(revenue_shipping) as revenue_shipping,
           sum(revenue_discount) as revenue_discount,
           sum(items) as items
    from conversions
    group by all

),

overall as (

    select d.site_id as id_site, d.day, cast(null as bigint) as goal_id,
           coalesce(sum(c.nb_conversions), 0) as nb_conversions,
           max(s.nb_visits_converted) as nb_visits_converted,
           coalesce(sum(c.revenue), 0) as revenue,
           null as revenue_subtotal, null as revenue_tax, null as revenue_shipping,
           null as revenue_discount,
           null as items  -- Goals.get without idGoal has no items
    from days as d
    left join summary as s on s.site_id = d.site_id and s.day = d.day
    left join per_goal as c
        on c.id_site = d.site_id and c.day = d.day and c.goal_id <> -1
    group by all

),

combined as (

    select * from overall
    union all
    select g.* from per_goal as g
    inner join days as d on d.site_id = g.id_site and d.day = g.day

)

select
    c.id_site as site_id,
    'day' as period,
    c.day as date,
    c.goal_id,
    case c.goal_id when 0 then 'ecommerceOrder' when -1 then 'ecommerceAbandonedCart'
         else cast(c.goal_id as TEXT) end as goal_param,
    cast(c.nb_conversions as bigint) as nb_conversions,
    cast(c.nb_visits_converted as bigint) as nb_visits_converted,
    cast(cast(round(cast(c.revenue as decimal(38, 12)), 2) as double) as numeric(18, 2)) as revenue,
    cast(cast(round(cast(c.revenue_subtotal as decimal(38, 12)), 2) as double) as numeric(18, 2)) as revenue_subtotal,
    cast(cast(round(cast(c.revenue_tax as decimal(38, 12)), 2) as double) as numeric(18, 2)) as revenue_tax,
    cast(cast(round(cast(c.revenue_shipping as decimal(38, 12)), 2) as double) as numeric(18, 2)) as revenue_shipping,
    cast(cast(round(cast(c.revenue_discount as decimal(38, 12)), 2) as double) as numeric(18, 2)) as revenue_discount,
    cast(c.items as bigint) as items,
    case when coalesce(s.nb_visits, 0) = 0 then 0
         else cast(round(cast((c.nb_visits_converted) / (s.nb_visits) as decimal(38, 12)), 4) as double) end as conversion_rate,
    cast(case when c.goal_id in (0, -1)
         then case when coalesce(c.nb_conversions, 0) = 0 then 0
         else cast(round(cast((c.revenue) / (c.nb_conversions) as decimal(38, 12)), 2) as double) end end as numeric(18, 2)) as avg_order_revenue,
    (select max(load_id) from (
        select max(dlt_load_id) as load_id from "corrupted"."matomo_staging"."stg_matomo__load_audit"
        union all
        select max(dlt_load_id) from "corrupted"."matomo_intermediate"."int_matomo__visits"
        union all
        select max(dlt_load_id) from "corrupted"."matomo_intermediate"."int_matomo__actions"
    )) as dlt_load_id
from combined as c
left join summary as s on s.site_id = c.id_site and s.day = c.day