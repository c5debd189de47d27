{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'period', 'date'],
        on_schema_change='append_new_columns',
    )
}}
/*
  Actions.getSiteSearchKeywords, getSiteSearchNoResultKeywords and getSiteSearchCategories
  per site, period and label (matomo_report says which report). Matomo 5.0.2:
  plugins/Actions/RecordBuilders/ActionReports.php (keywords: site-search actions by keyword,
  deleteUnusedColumnsFromKeywordsDataTable), SearchCategories.php (categories),
  plugins/Actions/API.php (nb_pages_per_search, no-result filter); docs/matomo-report-rules.md 2.6.
  - Keywords: label = the tracked keyword; nb_hits = searches, nb_visits = distinct visits of
    the local day; exit_nb_visits = visits of the day (last-action day) whose last pageview
    or site search is a search for it (NULL when 0); sum_time_spent = gaps credited to the
    search (int_matomo__time_on_page); avg_time_on_page = sum_time_spent / nb_hits (0 dp),
    exit_rate = exit_nb_visits / nb_visits (2 dp), bounce_rate always 0 (entry columns are
    deleted), nb_pages_per_search = nb_hits / nb_visits (1 dp). No unique visitors.
  - No-result keywords: the same over searches with 0 results.
  - Categories: label = the non-empty search category; nb_actions = searches, nb_visits =
    distinct visits; no nb_uniq_visitors on day rows, but week+ rows carry
    sum_daily_nb_uniq_visitors (Σ of the days' distinct visitors); nb_pages_per_search =
    nb_actions / nb_visits (1 dp).
  - Week / month / year: sums by label, ratios recomputed.
*/
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

periods as (

    {{ metrics_periods() }}

),

days as (

    select distinct site_id, day from periods

),

page_like as (

    select
        a.id_site,
        a.id_visit,
        a.action_position,
        a.action_type,
        a.action_local_date,
        a.search_keyword,
        a.search_category,
        a.search_result_count,
        row_number() over (partition by a.id_site, a.id_visit order by a.request_sequence desc) as n_last
    from {{ ref('int_matomo__actions') }} as a
    where a.action_type in ('pageview', 'site_search')

),

searches as (

    select s.*, v.visitor_id, v.visit_date, t.sum_time_spent
    from page_like as s
    inner join {{ ref('int_matomo__visits') }} as v on v.id_site = s.id_site and v.id_visit = s.id_visit
    left join (
        select id_site, id_visit, action_position, sum(time_spent_seconds) as sum_time_spent
        from {{ ref('int_matomo__time_on_page') }}
        where page_type = 'site_search'
        group by id_site, id_visit, action_position
    ) as t on t.id_site = s.id_site and t.id_visit = s.id_visit and t.action_position = s.action_position
    where s.action_type = 'site_search'

),

labelled as (

    select 'Actions.getSiteSearchKeywords' as matomo_report, search_keyword as label, searches.*
    from searches
    where search_keyword is not null
    union all
    select 'Actions.getSiteSearchNoResultKeywords', search_keyword, searches.*
    from searches
    where search_keyword is not null and search_result_count = 0
    union all
    select 'Actions.getSiteSearchCategories', search_category, searches.*
    from searches
    where coalesce(search_category, '') <> ''

),

hits as (

    select
        id_site, action_local_date as day, matomo_report, label,
        count(*) as nb_hits,
        count(distinct id_visit) as nb_visits,
        count(distinct visitor_id) as nb_uniq_visitors,
        coalesce(sum(sum_time_spent), 0) as sum_time_spent
    from labelled
    group by id_site, action_local_date, matomo_report, label

),

exits as (

    select id_site, visit_date as day, matomo_report, label, count(*) as exit_nb_visits
    from labelled
    where n_last = 1 and matomo_report <> 'Actions.getSiteSearchCategories'
    group by id_site, visit_date, matomo_report, label

),

day_rows as (

    select
        coalesce(h.id_site, x.id_site) as site_id,
        coalesce(h.day, x.day) as day,
        coalesce(h.matomo_report, x.matomo_report) as matomo_report,
        coalesce(h.label, x.label) as label,
        h.nb_hits,
        h.nb_visits,
        h.nb_uniq_visitors,
        h.sum_time_spent,
        x.exit_nb_visits
    from hits as h
    full outer join exits as x
        on x.id_site = h.id_site and x.day = h.day and x.matomo_report = h.matomo_report and x.label = h.label

),

period_rows as (

    {{ rollup_day_rows(
        '(select r.* from day_rows as r inner join days as d on d.site_id = r.site_id and d.day = r.day)',
        ['matomo_report', 'label'],
        sums=['nb_hits', 'nb_visits', 'sum_time_spent', 'exit_nb_visits'], uniques=['nb_uniq_visitors']) }}

),

final as (

    select
        site_id,
        period,
        date,
        matomo_report,
        label,
        matomo_report = 'Actions.getSiteSearchCategories' as is_category,
        nb_hits,
        nb_visits,
        sum_daily_nb_uniq_visitors,
        sum_time_spent,
        exit_nb_visits
    from period_rows

)

select
    site_id,
    period,
    date,
    matomo_report,
    label,
    cast(case when not is_category then nb_hits end as {{ dbt.type_bigint() }}) as nb_hits,
    cast(case when is_category then nb_hits end as {{ dbt.type_bigint() }}) as nb_actions,
    cast(nb_visits as {{ dbt.type_bigint() }}) as nb_visits,
    cast(case when is_category then sum_daily_nb_uniq_visitors end as {{ dbt.type_bigint() }})
        as sum_daily_nb_uniq_visitors,
    cast(case when not is_category then sum_time_spent end as {{ dbt.type_bigint() }}) as sum_time_spent,
    cast(exit_nb_visits as {{ dbt.type_bigint() }}) as exit_nb_visits,
    {{ php_ratio('nb_hits', 'nb_visits', 1) }} as nb_pages_per_search,
    case when not is_category then {{ php_ratio('sum_time_spent', 'nb_hits', 0) }} end as avg_time_on_page,
    case when not is_category then 0 end as bounce_rate,
    case when not is_category then {{ php_ratio('coalesce(exit_nb_visits, 0)', 'nb_visits', 2) }} end as exit_rate,
    {{ metrics_load_id() }} as dlt_load_id
from final
