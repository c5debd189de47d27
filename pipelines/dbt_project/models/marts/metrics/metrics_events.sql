{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'period', 'date'],
        on_schema_change='append_new_columns',
    )
}}
/*
  Events.getCategory / getAction / getName per site, local day and label (`dimension` says
  which report). nb_visits = sum over the row's (category, action, name) groups of their
  distinct visits; values: missing counts as 0 in the sum, not in nb_events_with_value.
*/
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

days as (

    select site_id, day from ({{ metrics_periods() }}) where period = 'day'

),

events as (

    select
        id_site,
        action_local_date as day,
        id_visit,
        event_category as category,
        coalesce(nullif(event_action, ''), 'Event Action not defined') as action,
        coalesce(nullif(event_name, ''), 'Event Name not defined') as name,
        event_value
    from {{ ref('int_matomo__actions') }} as a
    {%- if is_incremental() %}
    semi join (select site_id as id_site, day as action_local_date from days) as d using (id_site, action_local_date)
    {%- endif %}
    where action_type = 'event'

),

groups as (

    select id_site, day, category, action, name,
           count(*) as nb_events,
           count(distinct id_visit) as nb_visits,
           sum(coalesce(event_value, 0)) as sum_value,
           count(event_value) as nb_events_with_value,
           min(nullif(event_value, 0)) as min_event_value,
           max(event_value) as max_event_value
    from events
    group by all

),

by_dimension as (

    {%- for dim in ['category', 'action', 'name'] %}
    select id_site, day, '{{ dim }}' as dimension, {{ dim }} as label,
           sum(nb_events) as nb_events, sum(nb_visits) as nb_visits, sum(sum_value) as sum_value,
           sum(nb_events_with_value) as nb_events_with_value,
           min(min_event_value) as min_event_value, max(max_event_value) as max_event_value
    from groups
    group by all
    {{ 'union all' if not loop.last }}
    {%- endfor %}

)

select
    b.id_site as site_id,
    'day' as period,
    b.day as date,
    b.dimension,
    b.label,
    cast(b.nb_events as {{ dbt.type_bigint() }}) as nb_events,
    cast(b.nb_visits as {{ dbt.type_bigint() }}) as nb_visits,
    {{ php_round('b.sum_value', 2) }} as sum_event_value,
    cast(b.nb_events_with_value as {{ dbt.type_bigint() }}) as nb_events_with_value,
    cast(b.min_event_value as double) as min_event_value,
    cast(b.max_event_value as double) as max_event_value,
    {{ php_ratio('b.sum_value', 'b.nb_events_with_value', 2) }} as avg_event_value,
    {{ metrics_load_id() }} as dlt_load_id
from by_dimension as b
inner join days as d on d.site_id = b.id_site and d.day = b.day
