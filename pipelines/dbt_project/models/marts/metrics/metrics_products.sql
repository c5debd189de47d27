{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'period', 'date'],
        on_schema_change='append_new_columns',
    )
}}
/*
  Goals.getItemsSku / getItemsName / getItemsCategory, ordered (`matomo_report` without params)
  and abandoned (`?abandonedCarts=1`), per ecommerce site, period and label. Matomo 5.0.2:
  plugins/Goals/RecordBuilders/ProductRecord.php, LogAggregator::queryEcommerceItems,
  plugins/Goals/API.php::getItems (docs/matomo-report-rules.md 3.2):
  - Items (log_conversion_item, not deleted, day of the order / of the cart): revenue =
    round(Σ price × quantity, 2), quantity, Σ price (rounded), orders = distinct orders; for
    abandoned carts `abandoned_carts` = count of cart item rows (visits). Items give no nb_visits.
  - Product views (queryActionsByDimension where the product column is set, day of the action),
    added to BOTH the order and the cart table: nb_visits = distinct visits, nb_uniq_visitors =
    distinct visitors, nb_actions = hits, avg_price_viewed = round(avg(product price), 2).
  - Category: both queries once per category slot 1..5, rows summed by label (a visit seeing one
    category in two slots counts twice). Empty label: `Value not defined` in slot 1 (SKU / name
    too), skipped in slots 2..5.
  - Week / month / year (ArchiveProcessor::aggregateDataTableRecords): rows summed by label over
    the days, avg_price_viewed too; nb_uniq_visitors becomes sum_daily_nb_uniq_visitors.
  - avg_price = round(Σ price / orders, 2); a row without price (viewed only) shows the summed
    avg_price_viewed instead (a product viewed 5 days at 50 shows 250 for the week, as Matomo);
    avg_quantity = round(quantity / orders, 1); conversion_rate = round(orders / nb_visits, 4)
    (orders = abandoned_carts for carts). 0 when dividing by 0.
  Absent in Matomo, NULL here: revenue / quantity / orders / abandoned_carts of a row without
  items in the period; nb_visits / nb_uniq_visitors / nb_actions of a row without views.
*/
{%- set reports = [('sku', 'Goals.getItemsSku'), ('name', 'Goals.getItemsName'),
                   ('category', 'Goals.getItemsCategory')] %}
{%- set slot_label = "case when coalesce(label, '') <> '' then label when slot = 1 then 'Value not defined' end" %}

with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

periods as (

    select p.* from ({{ metrics_periods() }}) as p
    inner join {{ ref('stg_matomo__sites') }} as s on s.id_site = p.site_id and s.is_ecommerce

),

period_days as (

    select distinct site_id, day from periods

),

items as (

    select 'order' as ecommerce_type, o.id_site, o.id_visit, o.action_position, o.item_position,
           o.order_date as day, o.order_id, o.sku, o.item_name, o.item_category, o.price, o.quantity
    from {{ ref('int_matomo__order_items') }} as o
    union all
    select 'cart', c.id_site, c.id_visit, c.action_position, c.item_position, c.cart_date,
           null, c.sku, c.item_name, c.item_category, c.price, c.quantity
    from {{ ref('int_matomo__abandoned_cart_items') }} as c

),

item_slots as (

    -- one row per item and label: SKU, name, category slots 1..5 (slot 1 falls back on itemCategory)
    select i.ecommerce_type, i.id_site, i.day, i.id_visit, i.order_id, i.price, i.quantity,
           s.dimension, s.slot, s.label
    from items as i
    inner join period_days as d on d.site_id = i.id_site and d.day = i.day
    left join {{ ref('stg_matomo__ecommerce_items') }} as e
        on e.id_site = i.id_site and e.id_visit = i.id_visit
        and e.action_position = i.action_position and e.item_position = i.item_position
    cross join lateral (
        select 'sku' as dimension, 1 as slot, i.sku as label
        union all select 'name', 1, i.item_name
        union all select 'category', 1, coalesce({{ string_list_element('e.item_categories', 1) }}, i.item_category)
        {%- for slot in range(2, 6) %}
        union all select 'category', {{ slot }}, {{ string_list_element('e.item_categories', slot) }}
        {%- endfor %}
    ) as s

),

item_rows as (

    select ecommerce_type, id_site, day, dimension, label,
           sum(revenue) as revenue, sum(quantity) as quantity, sum(sum_price) as sum_price,
           sum(orders) as orders
    from (
        select ecommerce_type, id_site, day, dimension, slot, {{ slot_label }} as label,
               {{ php_round('sum(price * quantity)', 2) }} as revenue,
               sum(quantity) as quantity,
               {{ php_round('sum(price)', 2) }} as sum_price,
               case when ecommerce_type = 'order' then count(distinct order_id) else count(id_visit) end as orders
        from item_slots
        group by ecommerce_type, id_site, day, dimension, slot, {{ slot_label }}
    ) as by_slot
    where label is not null
    group by ecommerce_type, id_site, day, dimension, label

),

views as (

    select a.id_site, a.action_local_date as day, a.id_visit, v.visitor_id, a.product_view_sku,
           a.product_view_name, a.product_view_price, a.product_view_categories as categories
    from {{ ref('int_matomo__actions') }} as a
    inner join period_days as d on d.site_id = a.id_site and d.day = a.action_local_date
    left join {{ ref('int_matomo__visits') }} as v on v.id_site = a.id_site and v.id_visit = a.id_visit

),

view_slots as (

    select w.id_site, w.day, w.id_visit, w.visitor_id, w.product_view_price as price, s.dimension, s.slot, s.label
    from views as w
    cross join lateral (
        select 'sku' as dimension, 1 as slot, w.product_view_sku as label
        union all select 'name', 1, w.product_view_name
        {%- for slot in range(1, 6) %}
        union all select 'category', {{ slot }}, {{ string_list_element('w.categories', slot) }}
        {%- endfor %}
    ) as s
    where s.label is not null

),

view_rows as (

    select id_site, day, dimension, label, sum(nb_visits) as nb_visits,
           sum(nb_uniq_visitors) as nb_uniq_visitors, sum(nb_actions) as nb_actions,
           sum(avg_price_viewed) as avg_price_viewed
    from (
        select id_site, day, dimension, slot, {{ slot_label }} as label,
               count(distinct id_visit) as nb_visits,
               count(distinct visitor_id) as nb_uniq_visitors,
               count(*) as nb_actions,
               coalesce({{ php_round('avg(price)', 2) }}, 0) as avg_price_viewed
        from view_slots
        group by id_site, day, dimension, slot, {{ slot_label }}
    ) as by_slot
    where label is not null
    group by id_site, day, dimension, label

),

day_rows as (

    -- Matomo's day tables: item rows of the type plus the views (added to both types)
    select ecommerce_type, id_site, day, dimension, label, revenue, quantity, sum_price, orders,
           1 as has_items, null as nb_visits, null as nb_uniq_visitors, null as nb_actions,
           null as avg_price_viewed, 0 as has_views
    from item_rows
    union all
    select t.ecommerce_type, v.id_site, v.day, v.dimension, v.label, null, null, null, null, 0,
           v.nb_visits, v.nb_uniq_visitors, v.nb_actions, v.avg_price_viewed, 1
    from view_rows as v
    cross join (select 'order' as ecommerce_type union all select 'cart') as t

),

summed as (

    select
        p.site_id, p.period, p.date, r.ecommerce_type, r.dimension, r.label,
        sum(r.revenue) as revenue, sum(r.quantity) as quantity, sum(r.sum_price) as sum_price,
        coalesce(sum(r.orders), 0) as orders, max(r.has_items) as has_items,
        sum(r.nb_visits) as nb_visits, sum(r.nb_uniq_visitors) as nb_uniq_visitors,
        sum(r.nb_actions) as nb_actions, sum(r.avg_price_viewed) as avg_price_viewed,
        max(r.has_views) as has_views
    from periods as p
    inner join day_rows as r on r.id_site = p.site_id and r.day = p.day
    group by p.site_id, p.period, p.date, r.ecommerce_type, r.dimension, r.label

)

select
    s.site_id,
    s.period,
    s.date,
    case s.dimension
        {%- for dimension, method in reports %}
        when '{{ dimension }}' then '{{ method }}'
        {%- endfor %}
    end || case when s.ecommerce_type = 'cart' then '?abandonedCarts=1' else '' end as matomo_report,
    s.label,
    s.dimension,
    s.ecommerce_type,
    cast(case when s.has_items = 1 then {{ php_round('s.revenue', 2) }} end as {{ mart_money_type() }}) as revenue,
    cast(case when s.has_items = 1 then s.quantity end as {{ dbt.type_bigint() }}) as quantity,
    cast(case when s.has_items = 1 and s.ecommerce_type = 'order' then s.orders end
         as {{ dbt.type_bigint() }}) as orders,
    cast(case when s.has_items = 1 and s.ecommerce_type = 'cart' then s.orders end
         as {{ dbt.type_bigint() }}) as abandoned_carts,
    cast(s.nb_visits as {{ dbt.type_bigint() }}) as nb_visits,
    cast(case when s.period = 'day' then s.nb_uniq_visitors end as {{ dbt.type_bigint() }}) as nb_uniq_visitors,
    cast(case when s.period <> 'day' then s.nb_uniq_visitors end
         as {{ dbt.type_bigint() }}) as sum_daily_nb_uniq_visitors,
    cast(s.nb_actions as {{ dbt.type_bigint() }}) as nb_actions,
    cast(case when coalesce(s.sum_price, 0) = 0 and s.has_views = 1 then {{ php_round('s.avg_price_viewed', 2) }}
         else {{ php_ratio('s.sum_price', 's.orders', 2) }} end as {{ mart_money_type() }}) as avg_price,
    {{ php_ratio('s.quantity', 's.orders', 1) }} as avg_quantity,
    {{ php_ratio('s.orders', 's.nb_visits', 4) }} as conversion_rate,
    {{ metrics_load_id() }} as dlt_load_id
from summed as s
