/*
  MetricFlow's time spine: one row per day. The marts' dates are site-local days, so a
  MetricFlow day / week (Monday) / month is a site-local period, like Matomo's.
*/
select cast(date_day as date) as date_day
from (
    {{ dbt.date_spine('day', "cast('2000-01-01' as date)", "cast('2041-01-01' as date)") }}
) as spine
