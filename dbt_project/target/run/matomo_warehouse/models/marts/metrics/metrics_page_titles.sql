
    

    create  table
      "corrupted"."matomo"."metrics_page_titles__dbt_tmp"
  
    
    as (
      
/*
  Actions.getPageTitles (flat=1) per site, local day and page title (`Page Name not defined`
  when empty). Differs from metrics_page_urls where a request has no page title (Matomo 5,
  plugins/Actions/Columns/EntryPageTitle.php, ExitPageTitle.php):
  - entry title = the title of the visit's *first request*, set once (onNewVisit); a visit
    that starts with an event, download, outlink, goal or a pageview without title has
    entry title 0 and counts in no row's entry_* metrics (the entry URL, by contrast, is
    filled in by the first later pageview);
  - exit title = the last pageview *with a title* or site search (an untitled pageview
    keeps the previous exit title);
  - time spent goes to the exit title current before the request (title_* columns of
    int_matomo__time_on_page); a pageview without title (`Page Name not defined`) has
    hits and visits but never entries, exits or time.
*/
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from "corrupted"."matomo_intermediate"."int_matomo__incremental_window"
    where model_name = 'metrics_page_titles'

),

days as (

    select site_id as d_site_id, day as d_day from (select p.* from "corrupted"."matomo_intermediate"."int_metrics__periods" as p) where period = 'day'

),

pageviews as (

    select
        pv.* exclude (is_entry_page, is_exit_page),
        coalesce(nullif(trim(page_title), ''), 'Page Name not defined') as label,
        coalesce(f.is_first_request, false) and nullif(trim(pv.page_title), '') is not null as is_entry_page,
        coalesce(x.is_exit_title, false) as is_exit_page
    from "corrupted"."matomo_intermediate"."int_matomo__pageviews" as pv
    left join (
        select id_site, id_visit, action_position, true as is_first_request
        from (
            select id_site, id_visit, action_position,
                   row_number() over (partition by id_site, id_visit order by request_sequence) as n
            from "corrupted"."matomo_intermediate"."int_matomo__actions"
        )
        where n = 1
    ) as f using (id_site, id_visit, action_position)
    left join (
        select id_site, id_visit, action_position, true as is_exit_title
        from (
            select id_site, id_visit, action_position,
                   row_number() over (partition by id_site, id_visit order by request_sequence desc) as n
            from "corrupted"."matomo_intermediate"."int_matomo__actions"
            where action_type = 'site_search'
               or (action_type = 'pageview' and nullif(trim(page_title), '') is not null)
        )
        where n = 1
    ) as x using (id_site, id_visit, action_position)

),

visits as (

    select * from "corrupted"."matomo_intermediate"."int_matomo__visits"

),

hits as (

    select id_site, action_local_date as day, label,
           count(*) as nb_hits, count(distinct id_visit) as nb_visits
    from pageviews
    group by all

),

entries as (

    select pv.id_site, v.visit_date as day, pv.label,
           count(*) as entry_nb_visits,
           sum(v.actions) as entry_nb_actions,
           sum(v.visit_duration_seconds) as entry_sum_visit_length,
           count(*) filter (where v.actions <= 1) as entry_bounce_count
    from pageviews as pv
    inner join visits as v using (id_site, id_visit)
    where pv.is_entry_page
    group by all

),

exits as (

    select pv.id_site, v.visit_date as day, pv.label, count(*) as exit_nb_visits
    from pageviews as pv
    inner join visits as v using (id_site, id_visit)
    where pv.is_exit_page
    group by all

),

time_spent as (

    select t.id_site, t.title_action_local_date as day, trim(t.title_page_title) as label,
           sum(t.time_spent_seconds) as sum_time_spent
    from "corrupted"."matomo_intermediate"."int_matomo__time_on_page" as t
    where t.title_page_type = 'pageview'
    group by all

),

keys as (

    select id_site, day, label from hits
    union select id_site, day, label from entries
    union select id_site, day, label from exits

),

joined as (

    select
        k.id_site as site_id,
        'day' as period,
        k.day as date,
        k.label,
        cast(coalesce(h.nb_hits, 0) as bigint) as nb_hits,
        cast(coalesce(h.nb_visits, 0) as bigint) as nb_visits,
        cast(coalesce(e.entry_nb_visits, 0) as bigint) as entry_nb_visits,
        cast(coalesce(e.entry_nb_actions, 0) as bigint) as entry_nb_actions,
        cast(coalesce(e.entry_sum_visit_length, 0) as bigint) as entry_sum_visit_length,
        cast(coalesce(e.entry_bounce_count, 0) as bigint) as entry_bounce_count,
        cast(coalesce(x.exit_nb_visits, 0) as bigint) as exit_nb_visits,
        cast(coalesce(t.sum_time_spent, 0) as bigint) as sum_time_spent
    from keys as k
    inner join days as d on d.d_site_id = k.id_site and d.d_day = k.day
    left join hits as h using (id_site, day, label)
    left join entries as e using (id_site, day, label)
    left join exits as x using (id_site, day, label)
    left join time_spent as t using (id_site, day, label)

)

select
    *,
    case when coalesce(entry_nb_visits, 0) = 0 then 0
         else cast(round(cast((entry_bounce_count) / (entry_nb_visits) as decimal(38, 12)), 2) as double) end as bounce_rate,
    case when coalesce(nb_visits, 0) = 0 then 0
         else cast(round(cast((exit_nb_visits) / (nb_visits) as decimal(38, 12)), 2) as double) end as exit_rate,
    case when coalesce(nb_hits, 0) = 0 then 0
         else cast(round(cast((sum_time_spent) / (nb_hits) as decimal(38, 12)), 0) as double) end as avg_time_on_page,
    (select max(load_id) from (
        select max(dlt_load_id) as load_id from "corrupted"."matomo_staging"."stg_matomo__load_audit"
        union all
        select max(dlt_load_id) from "corrupted"."matomo_intermediate"."int_matomo__visits"
        union all
        select max(dlt_load_id) from "corrupted"."matomo_intermediate"."int_matomo__actions"
    )) as dlt_load_id
from joined
    );
    
  
  