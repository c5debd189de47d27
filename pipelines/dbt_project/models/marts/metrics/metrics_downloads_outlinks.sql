{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'period', 'date'],
        on_schema_change='append_new_columns',
    )
}}
/*
  Actions.getDownloads and Actions.getOutlinks (flat=1) per site, period and URL label
  (matomo_report says which report). Matomo 5.0.2: plugins/Actions/RecordBuilders/
  ActionReports.php (per idaction_url of type download / outlink), plugins/Actions/API.php;
  docs/matomo-report-rules.md 2.5.
  - Label: the URL without its scheme, host kept, URL-decoded (`maps.google.com/?q=shop example`).
  - Day: nb_hits, nb_visits (distinct), nb_uniq_visitors (distinct visitors) of the local day;
    sum_time_spent is always 0 (time is credited to the page before a download or outlink,
    never to it) but Matomo sends it.
  - Week / month / year: sums by label; nb_uniq_visitors -> sum_daily_nb_uniq_visitors.
*/
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

periods as (

    {{ metrics_periods() }}

),

day_rows as (

    select
        a.id_site as site_id,
        a.action_local_date as day,
        case a.action_type when 'download' then 'Actions.getDownloads' else 'Actions.getOutlinks' end
            as matomo_report,
        {{ action_url_label('a.url') }} as label,
        count(*) as nb_hits,
        count(distinct a.id_visit) as nb_visits,
        count(distinct v.visitor_id) as nb_uniq_visitors,
        0 as sum_time_spent
    from {{ ref('int_matomo__actions') }} as a
    inner join {{ ref('int_matomo__visits') }} as v on v.id_site = a.id_site and v.id_visit = a.id_visit
    where a.action_type in ('download', 'outlink')
      and exists (select 1 from periods as p where p.site_id = a.id_site and p.day = a.action_local_date)
    group by a.id_site, a.action_local_date, a.action_type, {{ action_url_label('a.url') }}

),

period_rows as (

    {{ rollup_day_rows('day_rows', ['matomo_report', 'label'],
        sums=['nb_hits', 'nb_visits', 'sum_time_spent'], uniques=['nb_uniq_visitors']) }}

)

select
    site_id,
    period,
    date,
    matomo_report,
    label,
    cast(nb_hits as {{ dbt.type_bigint() }}) as nb_hits,
    cast(nb_visits as {{ dbt.type_bigint() }}) as nb_visits,
    cast(nb_uniq_visitors as {{ dbt.type_bigint() }}) as nb_uniq_visitors,
    cast(sum_daily_nb_uniq_visitors as {{ dbt.type_bigint() }}) as sum_daily_nb_uniq_visitors,
    cast(sum_time_spent as {{ dbt.type_bigint() }}) as sum_time_spent,
    {{ metrics_load_id() }} as dlt_load_id
from period_rows
