/*
  Custom dimension values, long: one row per (site, visit, dimension) for visit scope and per
  (site, visit, dimension, action position) for action scope (int_matomo__custom_dimension_values).
*/
select
    site_id,
    id_visit,
    action_position,
    dimension_id,
    dimension_name,
    dimension_scope,
    value,
    label,
    date,
    action_type,
    dlt_load_id
from {{ ref('int_matomo__custom_dimension_values') }}
