/*
  Every conversion the goal columns of visit-dimension rows count (docs/matomo-report-rules.md
  0.5; Matomo: each RecordBuilder's LogAggregator::queryConversionsByDimension on
  log_conversion, grouped by idgoal and the dimension columns copied from the visit):
  goal conversions (int_matomo__goal_conversions), ecommerce orders (idgoal `ecommerceOrder`)
  and abandoned carts (`ecommerceAbandonedCart`), each on the site-local day of the conversion
  itself (not the visit's day). It takes the visit's dimension values; only the server-time hour
  is the conversion's own (HOUR(log_conversion.server_time), macro server_hour_label): the
  conversion's local time converted to UTC with the visit's UTC offset.
*/
with conversions as (

    select id_site, id_visit, action_position, cast(goal_id as {{ dbt.type_string() }}) as idgoal,
           conversion_date, revenue,
           cast(null as {{ money_type() }}) as revenue_subtotal, cast(null as {{ money_type() }}) as revenue_tax,
           cast(null as {{ money_type() }}) as revenue_shipping, cast(null as {{ money_type() }}) as revenue_discount,
           cast(null as {{ dbt.type_bigint() }}) as items
    from {{ ref('int_matomo__goal_conversions') }}
    union all
    select id_site, id_visit, action_position, 'ecommerceOrder', order_date, revenue, revenue_subtotal,
           revenue_tax, revenue_shipping, revenue_discount, items_quantity
    from {{ ref('int_matomo__ecommerce_orders') }}
    union all
    select id_site, id_visit, action_position, 'ecommerceAbandonedCart', cart_date, revenue,
           null, null, null, null, items_quantity
    from {{ ref('int_matomo__abandoned_carts') }}

),

actions as (

    select id_site, id_visit, action_position, local_epoch
    from {{ ref('int_matomo__actions') }}

),

visits as (

    -- the visit's UTC offset in seconds (local wall clock minus UTC) at its first action
    select
        v.id_site,
        v.id_visit,
        v.timezone,
        {{ dbt.datediff("cast('1970-01-01' as timestamp)", 'v.first_action_local_at', 'second') }}
            - s.first_action_epoch as utc_offset_seconds
    from {{ ref('int_matomo__visits') }} as v
    inner join {{ ref('stg_matomo__visits') }} as s
        on s.id_site = v.id_site and s.id_visit = v.id_visit

),

final as (

    select
        c.id_site as site_id,
        c.id_visit,
        c.action_position,
        c.idgoal,
        c.conversion_date,
        {{ server_hour_label('a.local_epoch - v.utc_offset_seconds', 'c.conversion_date', 'v.timezone') }}
            as server_hour_label,
        c.revenue,
        c.revenue_subtotal,
        c.revenue_tax,
        c.revenue_shipping,
        c.revenue_discount,
        c.items
    from conversions as c
    inner join visits as v
        on v.id_site = c.id_site and v.id_visit = c.id_visit
    inner join actions as a
        on a.id_site = c.id_site and a.id_visit = c.id_visit and a.action_position = c.action_position

)

select * from final
