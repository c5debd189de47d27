{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'period', 'date'],
        on_schema_change='append_new_columns',
    )
}}
/*
  Events.getCategory / getAction / getName per site, period and label (matomo_report says
  which report). Matomo 5.0.2: plugins/Events/RecordBuilders/EventReports.php (one query
  grouped by category, action and name, each group summed into the rows of the three
  reports), core/DataTable/Row.php (column merge ops), core/ArchiveProcessor.php (periods);
  docs/matomo-report-rules.md 2.7.
  - Day: nb_events, nb_visits and nb_uniq_visitors are sums over the row's (category, action,
    name) groups of their counts (distinct per group, not per label); each group's value sum,
    min and max are PHP-rounded to 2 decimals before they are merged (aggregateEventRow);
    sum_event_value counts a missing value as 0; nb_events_with_value; max_event_value = max over the groups (0 when
    no event has a value); min_event_value = min over the groups' SQL min() where 0 means
    "unset" (Row::getColumnValuesMerged 'min': a group without value, or whose minimum is 0,
    never wins; 0 when no group has a non-zero minimum).
  - Week / month / year: day rows summed by label; nb_uniq_visitors -> sum_daily_nb_uniq_visitors;
    min_event_value and max_event_value merge the days with 0 as "unset": max_event_value is
    NULL (Matomo: `false`) when no day has a non-zero maximum, even if events had the value 0
    (public-month site 2 name `No`); avg_event_value recomputed.
*/
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

periods as (

    {{ metrics_periods() }}

),

events as (

    select
        a.id_site,
        a.action_local_date as day,
        a.id_visit,
        v.visitor_id,
        a.event_category as category,
        coalesce(nullif(a.event_action, ''), 'Event Action not defined') as action,
        coalesce(nullif(a.event_name, ''), 'Event Name not defined') as name,
        a.event_value
    from {{ ref('int_matomo__actions') }} as a
    inner join {{ ref('int_matomo__visits') }} as v on v.id_site = a.id_site and v.id_visit = a.id_visit
    where a.action_type = 'event' and a.event_category is not null
      and exists (select 1 from periods as p where p.site_id = a.id_site and p.day = a.action_local_date)

),

event_groups as (

    select
        id_site, day, category, action, name,
        count(*) as nb_events,
        count(distinct id_visit) as nb_visits,
        count(distinct visitor_id) as nb_uniq_visitors,
        {{ php_round('sum(coalesce(event_value, 0))', 2) }} as sum_event_value,
        count(event_value) as nb_events_with_value,
        {{ php_round('min(event_value)', 2) }} as min_event_value,
        {{ php_round('max(event_value)', 2) }} as max_event_value
    from events
    group by id_site, day, category, action, name

),

labelled as (

    -- (event_groups.* brings id_site and day: selecting them again would make them ambiguous)
    select 'Events.getCategory' as matomo_report, category as label, event_groups.*
    from event_groups
    union all
    select 'Events.getAction', action, event_groups.* from event_groups
    union all
    select 'Events.getName', name, event_groups.* from event_groups

),

day_rows as (

    select
        id_site as site_id,
        day,
        matomo_report,
        label,
        sum(nb_events) as nb_events,
        sum(nb_visits) as nb_visits,
        sum(nb_uniq_visitors) as nb_uniq_visitors,
        sum(sum_event_value) as sum_event_value,
        sum(nb_events_with_value) as nb_events_with_value,
        coalesce(min(case when min_event_value <> 0 then min_event_value end), 0) as min_event_value,
        coalesce(max(max_event_value), 0) as max_event_value,
        -- a period's max merges the days' maxima with 0 as "unset" (false when none is set)
        max(case when max_event_value <> 0 then max_event_value end) as max_event_value_nonzero
    from labelled
    group by id_site, day, matomo_report, label

),

period_rows as (

    {{ rollup_day_rows('day_rows', ['matomo_report', 'label'],
        sums=['nb_events', 'nb_visits', 'sum_event_value', 'nb_events_with_value'],
        uniques=['nb_uniq_visitors'], maxes=['max_event_value', 'max_event_value_nonzero'],
        min_nonzero=['min_event_value']) }}

)

select
    site_id,
    period,
    date,
    matomo_report,
    label,
    cast(nb_events as {{ dbt.type_bigint() }}) as nb_events,
    cast(nb_visits as {{ dbt.type_bigint() }}) as nb_visits,
    cast(nb_uniq_visitors as {{ dbt.type_bigint() }}) as nb_uniq_visitors,
    cast(sum_daily_nb_uniq_visitors as {{ dbt.type_bigint() }}) as sum_daily_nb_uniq_visitors,
    {{ php_round('sum_event_value', 2) }} as sum_event_value,
    cast(nb_events_with_value as {{ dbt.type_bigint() }}) as nb_events_with_value,
    cast(min_event_value as {{ type_double() }}) as min_event_value,
    cast(case when period = 'day' then max_event_value else max_event_value_nonzero end as {{ type_double() }})
        as max_event_value,
    {{ php_ratio('sum_event_value', 'nb_events_with_value', 2) }} as avg_event_value,
    {{ metrics_load_id() }} as dlt_load_id
from period_rows
