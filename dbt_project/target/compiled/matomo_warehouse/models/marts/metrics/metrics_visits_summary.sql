
/*
  VisitsSummary.get per site and period (day; week and month when all their days are loaded).
  Sums over the days, except nb_uniq_visitors / nb_users (recomputed over the whole period,
  capped at nb_visits) and max_actions (max). Ratios PHP-rounded like Matomo.
*/
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from "corrupted"."matomo_intermediate"."int_matomo__incremental_window"
    where model_name = 'metrics_visits_summary'

),

periods as (

    select p.* from "corrupted"."matomo_intermediate"."int_metrics__periods" as p

),

visits as (

    select v.* from "corrupted"."matomo_intermediate"."int_matomo__visits" as v

),

aggregated as (

    select
        p.site_id,
        p.period,
        p.date,
        count(v.id_visit) as nb_visits,
        count(distinct v.visitor_id) as distinct_visitors,
        count(distinct v.user_id) as distinct_users,
        cast(coalesce(sum(v.actions), 0) as bigint) as nb_actions,
        coalesce(max(v.actions), 0) as max_actions,
        cast(coalesce(sum(v.visit_duration_seconds), 0) as bigint) as sum_visit_length,
        count(v.id_visit) filter (where v.actions <= 1) as bounce_count,
        count(v.id_visit) filter (where v.is_converted) as nb_visits_converted
    from periods as p
    left join visits as v
        on v.id_site = p.site_id and v.visit_date = p.day
    group by p.site_id, p.period, p.date

)

select
    site_id,
    period,
    date,
    nb_visits,
    -- a day counts distinct visitors; week and month recount over the period (Matomo
    -- caps the recount at nb_visits)
    least(distinct_visitors, nb_visits) as nb_uniq_visitors,
    least(distinct_users, nb_visits) as nb_users,
    nb_actions,
    max_actions,
    sum_visit_length,
    bounce_count,
    nb_visits_converted,
    case when coalesce(nb_visits, 0) = 0 then 0
         else cast(round(cast((bounce_count) / (nb_visits) as decimal(38, 12)), 2) as double) end as bounce_rate,
    case when coalesce(nb_visits, 0) = 0 then 0
         else cast(round(cast((nb_actions) / (nb_visits) as decimal(38, 12)), 1) as double) end as nb_actions_per_visit,
    case when coalesce(nb_visits, 0) = 0 then 0
         else cast(round(cast((sum_visit_length) / (nb_visits) as decimal(38, 12)), 0) as double) end as avg_time_on_site,
    (select max(load_id) from (
        select max(dlt_load_id) as load_id from "corrupted"."matomo_staging"."stg_matomo__load_audit"
        union all
        select max(dlt_load_id) from "corrupted"."matomo_intermediate"."int_matomo__visits"
        union all
        select max(dlt_load_id) from "corrupted"."matomo_intermediate"."int_matomo__actions"
    )) as dlt_load_id
from aggregated