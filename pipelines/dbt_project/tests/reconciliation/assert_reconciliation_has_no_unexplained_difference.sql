-- Fails on any mart cell that differs from Matomo's report without an explanation.
select *
from {{ ref('reconciliation') }}
where status in ('mismatch', 'missing_in_mart', 'missing_in_matomo')
