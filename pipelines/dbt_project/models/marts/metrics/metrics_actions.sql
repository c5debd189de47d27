{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'period', 'date'],
        on_schema_change='append_new_columns',
    )
}}
/*
  Actions.get (matomo_report 'Actions.get', label '') per site and period: day, and week /
  month / year when all their days are loaded (int_metrics__periods). Matomo's rules
  (docs/matomo-report-rules.md 0.3, 2.1; plugins/Actions/RecordBuilders/ActionReports.php,
  plugins/Actions/Archiver.php):
  - hits on the local day of each action; nb_uniq_pageviews / _downloads / _outlinks = sum over
    URLs (per day) of the distinct visits that hit the URL; a period sums its days
    (ArchiveProcessor::aggregateNumericMetrics);
  - nb_keywords = the row count of the period's aggregated keyword table
    (Record::setIsCountOfBlobRecordRows): distinct site-search keywords over the whole period,
    not the sum of the days (e.g. 10, not 57, for a month of public-month).
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
    where (a.id_site, a.action_local_date) in (select site_id, day from periods)
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
    group by id_site, action_local_date, action_type, {{ page_url_label('url') }}

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
    group by id_site, day

),

hits as (

    select
        p.site_id,
        p.period,
        p.date,
        sum(d.nb_pageviews) as nb_pageviews,
        sum(d.nb_uniq_pageviews) as nb_uniq_pageviews,
        sum(d.nb_downloads) as nb_downloads,
        sum(d.nb_uniq_downloads) as nb_uniq_downloads,
        sum(d.nb_outlinks) as nb_outlinks,
        sum(d.nb_uniq_outlinks) as nb_uniq_outlinks
    from periods as p
    left join per_day as d on d.id_site = p.site_id and d.day = p.day
    group by p.site_id, p.period, p.date

),

searches as (

    -- counted over the whole period: distinct keywords do not add up over days
    select
        p.site_id,
        p.period,
        p.date,
        count(*) as nb_searches,
        count(distinct a.search_keyword) as nb_keywords
    from periods as p
    inner join actions as a
        on a.id_site = p.site_id and a.action_local_date = p.day and a.action_type = 'site_search'
    group by p.site_id, p.period, p.date

)

select
    h.site_id,
    h.period,
    h.date,
    'Actions.get' as matomo_report,
    '' as label,
    cast(coalesce(h.nb_pageviews, 0) as {{ dbt.type_bigint() }}) as nb_pageviews,
    cast(coalesce(h.nb_uniq_pageviews, 0) as {{ dbt.type_bigint() }}) as nb_uniq_pageviews,
    cast(coalesce(h.nb_downloads, 0) as {{ dbt.type_bigint() }}) as nb_downloads,
    cast(coalesce(h.nb_uniq_downloads, 0) as {{ dbt.type_bigint() }}) as nb_uniq_downloads,
    cast(coalesce(h.nb_outlinks, 0) as {{ dbt.type_bigint() }}) as nb_outlinks,
    cast(coalesce(h.nb_uniq_outlinks, 0) as {{ dbt.type_bigint() }}) as nb_uniq_outlinks,
    cast(coalesce(s.nb_searches, 0) as {{ dbt.type_bigint() }}) as nb_searches,
    cast(coalesce(s.nb_keywords, 0) as {{ dbt.type_bigint() }}) as nb_keywords,
    {{ metrics_load_id() }} as dlt_load_id
from hits as h
left join searches as s on s.site_id = h.site_id and s.period = h.period and s.date = h.date
