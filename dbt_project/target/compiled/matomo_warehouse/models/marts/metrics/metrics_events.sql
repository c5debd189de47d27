
/*
  Events.getCategory / getAction / getName per site, local day and label (`dimension` says
  which report). nb_visits = sum over the row's (category, action, name) groups of their
  distinct visits; values: missing counts as 0 in the sum, not in nb_events_with_value.
*/
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from "corrupted"."matomo_intermediate"."int_matomo__incremental_window"
    where model_name = 'metrics_events'

),

days as (

    select site_id, day from (select p.* from "corrupted"."matomo_intermediate"."int_metrics__periods" as p) where period = 'day'

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
    from "corrupted"."matomo_intermediate"."int_matomo__actions" as a
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
    select id_site, day, 'category' as dimension, category as label,
           sum(nb_events) as nb_events, sum(nb_visits) as nb_visits, sum(sum_value) as sum_value,
           sum(nb_events_with_value) as nb_events_with_value,
           min(min_event_value) as min_event_value, max(max_event_value) as max_event_value
    from groups
    group by all
    union all
    select id_site, day, 'action' as dimension, action as label,
           sum(nb_events) as nb_events, sum(nb_visits) as nb_visits, sum(sum_value) as sum_value,
           sum(nb_events_with_value) as nb_events_with_value,
           min(min_event_value) as min_event_value, max(max_event_value) as max_event_value
    from groups
    group by all
    union all
    select id_site, day, 'name' as dimension, name as label,
           sum(nb_events) as nb_events, sum(nb_visits) as nb_visits, sum(sum_value) as sum_value,
           sum(nb_events_with_value) as nb_events_with_value,
           min(min_event_value) as min_event_value, max(max_event_value) as max_event_value
    from groups
    group by all
    

)

select
    b.id_site as site_id,
    'day' as period,
    b.day as date,
    b.dimension,
    b.label,
    cast(b.nb_events as bigint) as nb_events,
    cast(b.nb_visits as bigint) as nb_visits,
    cast(round(cast(b.sum_value as decimal(38, 12)), 2) as double) as sum_event_value,
    cast(b.nb_events_with_value as bigint) as nb_events_with_value,
    cast(b.min_event_value as double) as min_event_value,
    cast(b.max_event_value as double) as max_event_value,
    case when coalesce(b.nb_events_with_value, 0) = 0 then 0
         else cast(round(cast((b.sum_value) / (b.nb_events_with_value) as decimal(38, 12)), 2) as double) end as avg_event_value,
    (select max(load_id) from (
        select max(dlt_load_id) as load_id from "corrupted"."matomo_staging"."stg_matomo__load_audit"
        union all
        select max(dlt_load_id) from "corrupted"."matomo_intermediate"."int_matomo__visits"
        union all
        select max(dlt_load_id) from "corrupted"."matomo_intermediate"."int_matomo__actions"
    )) as dlt_load_id
from by_dimension as b
inner join days as d on d.site_id = b.id_site and d.day = b.day