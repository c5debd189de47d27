
    

    create  table
      "corrupted"."matomo"."metrics_actions__dbt_tmp"
  
    
    as (
      
/*
  Actions.get per site and period: hits counted on the local day of each action;
  nb_uniq_* = sum over URLs (per day) of the distinct visits that hit the URL;
  nb_keywords = distinct site-search keywords of the day. Week / month = sums of the days.
*/
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from "corrupted"."matomo_intermediate"."int_matomo__incremental_window"
    where model_name = 'metrics_actions'

),

periods as (

    select p.* from "corrupted"."matomo_intermediate"."int_metrics__periods" as p

),

actions as (

    select a.* from "corrupted"."matomo_intermediate"."int_matomo__actions" as a

),

per_url as (

    select
        id_site,
        action_local_date as day,
        action_type,
        coalesce(nullif(regexp_replace(url, '^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*', ''), ''), '/') as label,
        count(*) as hits,
        count(distinct id_visit) as visits
    from actions
    where action_type in ('pageview', 'download', 'outlink')
    group by all

),

per_day as (

    select
        id_site,
        day,
        sum(hits) filter (where action_type = 'pageview') as nb_pageviews,
        sum(visits) filter (where action_type = 'pageview') as nb_uniq_pageviews,
        sum(hits) filter (where action_type = 'download') as nb_downloads,
        sum(visits) filter (where action_type = 'download') as nb_uniq_downloads,
        sum(hits) filter (where action_type = 'outlink') as nb_outlinks,
        sum(visits) filter (where action_type = 'outlink') as nb_uniq_outlinks
    from per_url
    group by all

),

searches as (

    select
        id_site,
        action_local_date as day,
        count(*) as nb_searches,
        count(distinct search_keyword) as nb_keywords
    from actions
    where action_type = 'site_search'
    group by all

)

select
    p.site_id,
    p.period,
    p.date,
    cast(coalesce(sum(d.nb_pageviews), 0) as bigint) as nb_pageviews,
    cast(coalesce(sum(d.nb_uniq_pageviews), 0) as bigint) as nb_uniq_pageviews,
    cast(coalesce(sum(d.nb_downloads), 0) as bigint) as nb_downloads,
    cast(coalesce(sum(d.nb_uniq_downloads), 0) as bigint) as nb_uniq_downloads,
    cast(coalesce(sum(d.nb_outlinks), 0) as bigint) as nb_outlinks,
    cast(coalesce(sum(d.nb_uniq_outlinks), 0) as bigint) as nb_uniq_outlinks,
    cast(coalesce(sum(s.nb_searches), 0) as bigint) as nb_searches,
    cast(coalesce(sum(s.nb_keywords), 0) as bigint) as nb_keywords,
    (select max(load_id) from (
        select max(dlt_load_id) as load_id from "corrupted"."matomo_staging"."stg_matomo__load_audit"
        union all
        select max(dlt_load_id) from "corrupted"."matomo_intermediate"."int_matomo__visits"
        union all
        select max(dlt_load_id) from "corrupted"."matomo_intermediate"."int_matomo__actions"
    )) as dlt_load_id
from periods as p
left join per_day as d on d.id_site = p.site_id and d.day = p.day
left join searches as s on s.id_site = p.site_id and s.day = p.day
group by p.site_id, p.period, p.date
    );
    
  
  