/*
  Periods the metric marts publish, with the days they cover (one row per period and day).
  - day: every (site, local day) the Live loader read (load_audit);
  - week (Monday..Sunday) and month: only when every one of their days was loaded, because
    a partial week or month would differ from Matomo's.
*/
{{ config(materialized='view') }}

with days as (

    select distinct id_site as site_id, visit_date as day
    from {{ ref('stg_matomo__load_audit') }}

),

candidates as (

    select site_id, 'day' as period, day as date, day, 1 as expected_days from days
    union all
    select site_id, 'week', cast(date_trunc('week', day) as date), day, 7 from days
    union all
    select
        site_id, 'month', cast(date_trunc('month', day) as date), day,
        {{ dbt.datediff("date_trunc('month', day)", dbt.dateadd('month', 1, "date_trunc('month', day)"), 'day') }}
    from days

),

complete as (

    select site_id, period, date
    from candidates
    group by site_id, period, date, expected_days
    having count(distinct day) = expected_days

)

select c.site_id, c.period, c.date, c.day
from candidates as c
inner join complete using (site_id, period, date)
