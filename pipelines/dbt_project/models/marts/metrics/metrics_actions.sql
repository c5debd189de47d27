{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'period', 'date'],
        on_schema_change='append_new_columns',
    )
}}
/*
  Actions.get per site and period: hits counted on the local day of each action;
  nb_uniq_* = sum over URLs (per day) of the distinct visits that hit the URL;
  nb_keywords = distinct site-search keywords of the day. Week / month = sums of the days.
*/
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

periods as (

    {{ metrics_periods() }}

),

actions as (

    select a.* from {{ ref('int_matomo__actions') }} as a
    {%- if is_incremental() %}
    where (id_site, action_local_date) in (select id_site, action_local_date from (select distinct site_id as id_site, day as action_local_date from periods) as d)
    {%- endif %}

),

per_url as (

    select
        id_site,
        action_local_date as day,
        action_type,
        {{ page_url_label('url') }} as label,
        count(*) as hits,
        count(distinct id_visit) as visits
    from actions
    where action_type in ('pageview', 'download', 'outlink')
    group by 1, 2, 3, 4

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
    group by 1, 2

),

searches as (

    select
        id_site,
        action_local_date as day,
        count(*) as nb_searches,
        count(distinct search_keyword) as nb_keywords
    from actions
    where action_type = 'site_search'
    group by 1, 2

)

select
    p.site_id,
    p.period,
    p.date,
    cast(coalesce(sum(d.nb_pageviews), 0) as {{ dbt.type_bigint() }}) as nb_pageviews,
    cast(coalesce(sum(d.nb_uniq_pageviews), 0) as {{ dbt.type_bigint() }}) as nb_uniq_pageviews,
    cast(coalesce(sum(d.nb_downloads), 0) as {{ dbt.type_bigint() }}) as nb_downloads,
    cast(coalesce(sum(d.nb_uniq_downloads), 0) as {{ dbt.type_bigint() }}) as nb_uniq_downloads,
    cast(coalesce(sum(d.nb_outlinks), 0) as {{ dbt.type_bigint() }}) as nb_outlinks,
    cast(coalesce(sum(d.nb_uniq_outlinks), 0) as {{ dbt.type_bigint() }}) as nb_uniq_outlinks,
    cast(coalesce(sum(s.nb_searches), 0) as {{ dbt.type_bigint() }}) as nb_searches,
    cast(coalesce(sum(s.nb_keywords), 0) as {{ dbt.type_bigint() }}) as nb_keywords,
    {{ metrics_load_id() }} as dlt_load_id
from periods as p
left join per_day as d on d.id_site = p.site_id and d.day = p.day
left join searches as s on s.id_site = p.site_id and s.day = p.day
group by p.site_id, p.period, p.date
