/*
  Custom dimension values, long: one row per (site, visit, dimension) for visit scope (the
  visit's final value, as Live gives it) and per (site, visit, dimension, action position) for
  action scope (the value the action carried). Visits and actions that never got a value have
  no row; a tracked empty value is `value` '' with `label` `Value not defined` (Matomo's row
  label in CustomDimensions.getCustomDimension). `date`: the site-local day Matomo counts the
  row on (visit scope: the visit's last action; action scope: the action's own day).
*/
with dim_values as (

    select * from {{ ref('stg_matomo__custom_dimension_values') }}

),

dims as (

    select * from {{ ref('stg_matomo__custom_dimensions') }}

),

visits as (

    select id_site, id_visit, visit_date from {{ ref('int_matomo__visits') }}

),

actions as (

    select id_site, id_visit, action_position, action_type, action_local_date
    from {{ ref('int_matomo__actions') }}

)

select
    x.id_site as site_id,
    x.id_visit,
    x.action_position,
    x.dimension_id,
    d.dimension_name,
    x.dimension_scope,
    x.dimension_value as value,
    case when x.dimension_value = '' then 'Value not defined' else x.dimension_value end as label,
    coalesce(a.action_local_date, v.visit_date) as date,
    a.action_type,
    x.dlt_load_id
from dim_values as x
left join dims as d
    on x.id_site = d.id_site and x.dimension_id = d.dimension_id
left join visits as v
    on x.id_site = v.id_site and x.id_visit = v.id_visit
left join actions as a
    on
        x.id_site = a.id_site and x.id_visit = a.id_visit
        and x.action_position = a.action_position
