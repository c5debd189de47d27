/*
  Goals.getItemsSku / getItemsName / getItemsCategory per site, local day of the order and
  label (`dimension` = sku | name | category). revenue = Σ price × quantity; orders = distinct
  orders; avg_price = Σ price / orders; avg_quantity = quantity / orders.
*/
with order_items as (

    select * from {{ ref('int_matomo__order_items') }}

),

categories as (

    -- an item or product view carries up to 5 categories; each one is a row of getItemsCategory
    select id_site, id_visit, position as action_position, item_position,
           unnest(cast(categories as varchar[])) as category
    from {{ source('matomo_raw', 'ecommerce_items') }}

),

items as (

    select i.*, coalesce(c.category, i.item_category) as category
    from order_items as i
    left join categories as c using (id_site, id_visit, action_position, item_position)

),

views as (

    -- Matomo's nb_visits of a product row: visits that viewed the product page that day
    select a.id_site, a.action_local_date as day, a.id_visit, a.product_view_sku as sku,
           a.product_view_name as item_name, unnest(coalesce(cast(r.product_view_categories as varchar[]), [null])) as category
    from {{ ref('int_matomo__actions') }} as a
    left join {{ source('matomo_raw', 'visit_actions') }} as r
        on r.id_site = a.id_site and r.id_visit = a.id_visit and r.position = a.action_position
    where a.product_view_sku is not null or a.product_view_name is not null

),

days as (

    select site_id, day from {{ ref('int_metrics__periods') }} where period = 'day'

),

by_dimension as (

    {%- for dim, col in [('sku', 'sku'), ('name', 'item_name'), ('category', 'category')] %}
    select coalesce(o.id_site, v.id_site) as id_site, coalesce(o.day, v.day) as day, '{{ dim }}' as dimension,
           coalesce(o.label, v.label) as label,
           coalesce(o.revenue, 0) as revenue, coalesce(o.quantity, 0) as quantity,
           coalesce(o.sum_price, 0) as sum_price, coalesce(o.orders, 0) as orders,
           coalesce(v.nb_visits, 0) as nb_visits
    from (
        select id_site, order_date as day, coalesce(nullif({{ col }}, ''), 'Value not defined') as label,
               sum(price * quantity) as revenue, sum(quantity) as quantity, sum(price) as sum_price,
               count(distinct order_id) as orders
        from {{ 'items' if dim == 'category' else 'order_items' }} group by all
    ) as o
    full outer join (
        select id_site, day, {{ col }} as label, count(distinct id_visit) as nb_visits
        from views where {{ col }} is not null group by all
    ) as v on v.id_site = o.id_site and v.day = o.day and v.label = o.label
    {{ 'union all' if not loop.last }}
    {%- endfor %}

)

select
    b.id_site as site_id,
    'day' as period,
    b.day as date,
    b.dimension,
    b.label,
    {{ php_round('b.revenue', 2) }} as revenue,
    b.quantity,
    b.orders,
    b.nb_visits,
    {{ php_ratio('b.sum_price', 'b.orders', 2) }} as avg_price,
    {{ php_ratio('b.quantity', 'b.orders', 1) }} as avg_quantity
from by_dimension as b
inner join days as d on d.site_id = b.id_site and d.day = b.day
