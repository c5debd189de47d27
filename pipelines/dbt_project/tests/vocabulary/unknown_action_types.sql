{{ config(severity='warn', store_failures=true, schema='matomo_audit') }}
-- Actions of a Live type this project does not know (int_matomo__actions maps them to
-- 'other'): a warning, not an error, so the marts still build; the rows (site, visit,
-- position, raw type) are stored in matomo_audit.unknown_action_types.
select id_site, id_visit, action_position, raw_type
from {{ ref('int_matomo__actions') }}
where action_type = 'other'
