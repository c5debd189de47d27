/*
  Conversions per site, local day, visit-scope custom dimension value and goal (`idgoal`:
  goal id, `ecommerceOrder`, `ecommerceAbandonedCart`), like the `goals` Matomo nests in
  CustomDimensions.getCustomDimension rows (Matomo 5.0.2 RecordBuilders/CustomDimension.php
  aggregateFromConversions: log_conversion grouped by value and idgoal, Metrics::makeGoalColumnsRow).
  A conversion counts on its own local day with the value of its visit. Live gives the visit's
  final value only: Matomo keeps the value the visit had when it converted, so a conversion
  made before the value changed lands in another row in Matomo (docs/matomo-report-rules.md 1.16).
*/
with dim_values as (

    select site_id, id_visit, dimension_id, label
    from {{ ref('fct_custom_dimension_values') }}
    where dimension_scope = 'visit'

),

conversions as (

    select
        id_site, id_visit, conversion_date as day, {{ dbt.cast('goal_id', dbt.type_string()) }} as idgoal,
        revenue, cast(null as {{ dbt.type_bigint() }}) as items,
        cast(null as decimal(38, 9)) as revenue_subtotal, cast(null as decimal(38, 9)) as revenue_tax,
        cast(null as decimal(38, 9)) as revenue_shipping, cast(null as decimal(38, 9)) as revenue_discount
    from {{ ref('int_matomo__goal_conversions') }}
    union all
    select
        id_site, id_visit, order_date, 'ecommerceOrder', revenue, items_quantity,
        revenue_subtotal, revenue_tax, revenue_shipping, revenue_discount
    from {{ ref('int_matomo__ecommerce_orders') }}
    union all
    select
        id_site, id_visit, cart_date, 'ecommerceAbandonedCart', revenue, items_quantity,
        null, null, null, null
    from {{ ref('int_matomo__abandoned_carts') }}

)

select
    x.site_id,
    c.day,
    x.dimension_id,
    x.label,
    c.idgoal,
    count(*) as nb_conversions,
    count(distinct c.id_visit) as nb_visits_converted,
    sum(coalesce(c.revenue, 0)) as revenue,
    sum(c.items) as items,
    sum(c.revenue_subtotal) as revenue_subtotal,
    sum(c.revenue_tax) as revenue_tax,
    sum(c.revenue_shipping) as revenue_shipping,
    sum(c.revenue_discount) as revenue_discount
from dim_values as x
inner join conversions as c on x.site_id = c.id_site and x.id_visit = c.id_visit
group by x.site_id, c.day, x.dimension_id, x.label, c.idgoal
