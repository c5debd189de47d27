/*
  One row per custom dimension configured on a site (CustomDimensions.getConfiguredCustomDimensions).
  Ids are per site: one name can have different ids on different sites, and the same id
  different names. `dimension_id` is Matomo's idcustomdimension: the Live field `dimension<id>`
  and the report's `idDimension`.
*/
select
    id_site as site_id,
    dimension_id,
    dimension_name,
    dimension_scope,
    dimension_index,
    is_active
from {{ ref('stg_matomo__custom_dimensions') }}
