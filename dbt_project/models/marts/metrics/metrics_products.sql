/*
  Goals.getItemsSku / getItemsName / getItemsCategory per site, local day of the order and
  label (`dimension` = sku | name | category). revenue = Σ price × quantity; orders = distinct
  orders; avg_price = Σ price / orders; avg_quantity = quantity / orders.
*/
with items as (

    select * from {{ ref('int_matomo__order_items') }}

),

days as (

    select site_id, day from {{ ref('int_metrics__periods') }} where period = 'day'

),

by_dimension as (

    {%- for dim, col in [('sku', 'sku'), ('name', 'item_name'), ('category', 'item_category')] %}
    select id_site, order_date as day, '{{ dim }}' as dimension,
           coalesce(nullif({{ col }}, ''), 'Value not defined') as label,
           sum(price * quantity) as revenue,
           sum(quantity) as quantity,
           sum(price) as sum_price,
           count(distinct order_id) as orders,
           count(distinct id_visit) as nb_visits
    from items
    group by all
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
