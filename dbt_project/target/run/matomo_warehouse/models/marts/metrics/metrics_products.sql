
    

    create  table
      "corrupted"."matomo"."metrics_products__dbt_tmp"
  
    
    as (
      
/*
  Goals.getItemsSku / getItemsName / getItemsCategory (ordered products, not abandonedCarts=1)
  per site, local day and label (`dimension` = sku | name | category), as Matomo 5 builds them
  (plugins/Goals/RecordBuilders/ProductRecord.php, plugins/Goals/API.php getItems):

  - Order items (log_conversion_item, deleted = 0, day of the order): revenue = Σ price × quantity,
    quantity = Σ quantity, price = Σ price, orders = distinct orders (each rounded to 0.01 per
    query). Items give the row no nb_visits.
  - Product views (any action with the product dimension set, day of the action): nb_visits =
    distinct visits, nb_actions = hits, avg_price_viewed = round(avg(product price), 2). Category
    pages (a category but no SKU/name) count in the category report.
  - The category report runs both queries once per category slot (idaction_category,
    _category2 … _category5) and sums the rows by label: an item or view with two categories
    counts in both, and a visit seeing the same category in two different slots counts twice.
    An empty label is `Value not defined` in the first slot, skipped in slots 2–5.
  - avg_price = round(price / orders, 2); when the row has no price (viewed only, or only free
    items) it is avg_price_viewed instead. avg_quantity = round(quantity / orders, 1);
    conversion_rate = round(orders / nb_visits, 4).
*/
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from "corrupted"."matomo_intermediate"."int_matomo__incremental_window"
    where model_name = 'metrics_products'

),

days as (

    select site_id, day from (select p.* from "corrupted"."matomo_intermediate"."int_metrics__periods" as p) where period = 'day'

),

order_items as (

    select i.* from "corrupted"."matomo_intermediate"."int_matomo__order_items" as i

),

item_categories as (

    -- an ordered item's category slots 1..5 (Live's `categories` array; item_category = slot 1)
    select id_site, id_visit, action_position, item_position,
           unnest(item_categories) as label,
           generate_subscripts(item_categories, 1) as slot
    from "corrupted"."matomo_staging"."stg_matomo__ecommerce_items"

),

order_labels as (

    select i.id_site, i.order_date as day, 'sku' as dimension, 1 as slot, i.sku as label,
           i.order_id, i.price, i.quantity
    from order_items as i
    union all
    select i.id_site, i.order_date, 'name', 1, i.item_name, i.order_id, i.price, i.quantity
    from order_items as i
    union all
    select i.id_site, i.order_date, 'category', coalesce(c.slot, 1), coalesce(c.label, i.item_category),
           i.order_id, i.price, i.quantity
    from order_items as i
    left join item_categories as c using (id_site, id_visit, action_position, item_position)

),

view_actions as (

    select a.id_site, a.action_local_date as day, a.id_visit, a.product_view_sku, a.product_view_name,
           a.product_view_price, a.product_view_categories as categories
    from "corrupted"."matomo_intermediate"."int_matomo__actions" as a

),

view_labels as (

    select id_site, day, 'sku' as dimension, 1 as slot, product_view_sku as label, id_visit, product_view_price as price
    from view_actions where product_view_sku is not null
    union all
    select id_site, day, 'name', 1, product_view_name, id_visit, product_view_price
    from view_actions where product_view_name is not null
    union all
    select id_site, day, 'category', slot, label, id_visit, product_view_price
    from (
        select *, unnest(categories) as label, generate_subscripts(categories, 1) as slot
        from view_actions
    ) as view_categories
    where label is not null

),

orders_by_slot as (

    select id_site, day, dimension, slot, case when coalesce(label, '') <> '' then label when slot = 1 then 'Value not defined' end as label,
           cast(round(cast(sum(price * quantity) as decimal(38, 12)), 2) as double) as revenue,
           sum(quantity) as quantity,
           cast(round(cast(sum(price) as decimal(38, 12)), 2) as double) as sum_price,
           count(distinct order_id) as orders
    from order_labels
    group by all

),

views_by_slot as (

    select id_site, day, dimension, slot, case when coalesce(label, '') <> '' then label when slot = 1 then 'Value not defined' end as label,
           count(distinct id_visit) as nb_visits,
           count(*) as nb_actions,
           coalesce(cast(round(cast(avg(price) as decimal(38, 12)), 2) as double), 0) as avg_price_viewed
    from view_labels
    group by all

),

orders as (

    select id_site, day, dimension, label, sum(revenue) as revenue, sum(quantity) as quantity,
           sum(sum_price) as sum_price, sum(orders) as orders
    from orders_by_slot where label is not null
    group by all

),

views as (

    select id_site, day, dimension, label, sum(nb_visits) as nb_visits, sum(nb_actions) as nb_actions,
           sum(avg_price_viewed) as avg_price_viewed
    from views_by_slot where label is not null
    group by all

),

joined as (

    select
        coalesce(o.id_site, v.id_site) as site_id,
        coalesce(o.day, v.day) as date,
        coalesce(o.dimension, v.dimension) as dimension,
        coalesce(o.label, v.label) as label,
        coalesce(o.revenue, 0) as revenue,
        coalesce(o.quantity, 0) as quantity,
        coalesce(o.sum_price, 0) as sum_price,
        coalesce(o.orders, 0) as orders,
        coalesce(v.nb_visits, 0) as nb_visits,
        coalesce(v.nb_actions, 0) as nb_actions,
        coalesce(v.avg_price_viewed, 0) as avg_price_viewed
    from orders as o
    full outer join views as v
        on v.id_site = o.id_site and v.day = o.day and v.dimension = o.dimension and v.label = o.label

)

select
    j.site_id,
    'day' as period,
    j.date,
    j.dimension,
    j.label,
    cast(cast(round(cast(j.revenue as decimal(38, 12)), 2) as double) as numeric(18, 2)) as revenue,
    cast(j.quantity as bigint) as quantity,
    cast(j.orders as bigint) as orders,
    cast(j.nb_visits as bigint) as nb_visits,
    cast(j.nb_actions as bigint) as nb_actions,
    cast(case when j.sum_price = 0 then j.avg_price_viewed
         else case when coalesce(j.orders, 0) = 0 then 0
         else cast(round(cast((j.sum_price) / (j.orders) as decimal(38, 12)), 2) as double) end end as numeric(18, 2)) as avg_price,
    case when coalesce(j.orders, 0) = 0 then 0
         else cast(round(cast((j.quantity) / (j.orders) as decimal(38, 12)), 1) as double) end as avg_quantity,
    case when coalesce(j.nb_visits, 0) = 0 then 0
         else cast(round(cast((j.orders) / (j.nb_visits) as decimal(38, 12)), 4) as double) end as conversion_rate,
    (select max(load_id) from (
        select max(dlt_load_id) as load_id from "corrupted"."matomo_staging"."stg_matomo__load_audit"
        union all
        select max(dlt_load_id) from "corrupted"."matomo_intermediate"."int_matomo__visits"
        union all
        select max(dlt_load_id) from "corrupted"."matomo_intermediate"."int_matomo__actions"
    )) as dlt_load_id
from joined as j
inner join days as d on d.site_id = j.site_id and d.day = j.date
    );
    
  
  