{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'period', 'date'],
        on_schema_change='append_new_columns',
    )
}}
/*
  Actions.getPageUrls, getEntryPageUrls, getExitPageUrls and getPageTitles (flat=1), one row
  per site, period, report and label (matomo_report tells the reports apart).
  Matomo 5.0.2 sources: plugins/Actions/RecordBuilders/ActionReports.php (day rows),
  plugins/Actions/Columns/Entry|ExitPageUrl|Title.php (entry / exit), plugins/Actions/API.php
  (entry / exit reports), core/ArchiveProcessor.php (periods); docs/matomo-report-rules.md 2.2-2.4.
  - Day: nb_hits / nb_visits / nb_uniq_visitors over the page's actions of the local day;
    entry_* / exit_* over the visits of the day (last-action day) entering / leaving there
    (absent = NULL when 0, as Matomo omits them); sum_time_spent from int_matomo__time_on_page;
    nb_hits_following_search = hits whose previous pageview-or-search is a site search
    (NULL when 0).
  - URL label: URL without scheme and host, URL-decoded (page_url_label). Title label: the
    tracked title exactly, `Page Name not defined` when empty.
  - Entry URL = first pageview or site search of the visit when it is a pageview; exit URL =
    the last one. Entry title = the visit's first request when it is a titled pageview; exit
    title = last titled pageview or site search (see README "Page titles").
  - Week / month / year: day rows summed by label; nb_uniq_visitors, entry_ and exit_
    nb_uniq_visitors become sum_daily_*; ratios recomputed from the sums.
  - getEntryPageUrls / getExitPageUrls: the getPageUrls rows of the period whose top-level
    entry of the URL tree has entries (exits): a top-level page (path with one `/`) on its
    own, a folder (first path segment) when the sum over all its pages is > 0, then with
    all its pages (API.php filterNonEntryActions runs on the tree before flattening).
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
{%- if is_incremental() %}

day_visits as (

    -- the visits with an action on a day being rebuilt or whose visit day is one, whole (the
    -- row numbers below need every action of a visit): rows of other days are dropped anyway
    select a.id_site, a.id_visit from {{ ref('int_matomo__actions') }} as a
    where (a.id_site, a.action_local_date) in (select site_id, day from days)
    union
    select v.id_site, v.id_visit from {{ ref('int_matomo__visits') }} as v
    where (v.id_site, v.visit_date) in (select site_id, day from days)

),
{%- endif %}

page_like as (

    -- pageviews and site searches of every visit, with their place in the visit
    select
        a.id_site,
        a.id_visit,
        a.action_type,
        a.action_local_date,
        a.request_sequence,
        a.url,
        a.page_title,
        a.action_type = 'pageview' and coalesce(trim(a.page_title), '') <> '' as is_titled_pageview,
        row_number() over (partition by a.id_site, a.id_visit order by a.request_sequence) as n_first,
        row_number() over (partition by a.id_site, a.id_visit order by a.request_sequence desc) as n_last,
        row_number() over (
            partition by a.id_site, a.id_visit,
                a.action_type = 'site_search' or coalesce(trim(a.page_title), '') <> ''
            order by a.request_sequence desc
        ) as n_last_titled,
        lag(a.action_type) over (partition by a.id_site, a.id_visit order by a.request_sequence) as previous_type
    from {{ ref('int_matomo__actions') }} as a
    where a.action_type in ('pageview', 'site_search')
    {%- if is_incremental() %}
    and (a.id_site, a.id_visit) in (select id_site, id_visit from day_visits)
    {%- endif %}

),

page_hits as (

    -- one row per pageview and report, with its label and entry / exit role
    select
        'Actions.getPageUrls' as matomo_report,
        p.id_site,
        p.id_visit,
        p.action_local_date,
        p.previous_type,
        {{ page_url_label('p.url') }} as label,
        p.n_first = 1 as is_entry,
        p.n_last = 1 as is_exit
    from page_like as p
    where p.action_type = 'pageview'
    union all
    select
        'Actions.getPageTitles',
        p.id_site,
        p.id_visit,
        p.action_local_date,
        p.previous_type,
        case when p.is_titled_pageview then p.page_title else 'Page Name not defined' end,
        p.is_titled_pageview and p.request_sequence = 1,
        p.is_titled_pageview and p.n_last_titled = 1
    from page_like as p
    where p.action_type = 'pageview'

),

with_visits as (

    select h.*, v.visitor_id, v.visit_date, v.actions, v.visit_duration_seconds
    from page_hits as h
    inner join {{ ref('int_matomo__visits') }} as v on v.id_site = h.id_site and v.id_visit = h.id_visit

),

hits as (

    select
        id_site, action_local_date as day, matomo_report, label,
        count(*) as nb_hits,
        count(distinct id_visit) as nb_visits,
        count(distinct visitor_id) as nb_uniq_visitors,
        nullif(count(*) filter (where previous_type = 'site_search'), 0) as nb_hits_following_search
    from with_visits
    group by id_site, action_local_date, matomo_report, label

),

entries as (

    select
        id_site, visit_date as day, matomo_report, label,
        count(distinct visitor_id) as entry_nb_uniq_visitors,
        count(*) as entry_nb_visits,
        sum(actions) as entry_nb_actions,
        sum(visit_duration_seconds) as entry_sum_visit_length,
        count(*) filter (where actions <= {{ var('matomo__bounce_max_actions', 1) }}) as entry_bounce_count
    from with_visits
    where is_entry
    group by id_site, visit_date, matomo_report, label

),

exits as (

    select
        id_site, visit_date as day, matomo_report, label,
        count(distinct visitor_id) as exit_nb_uniq_visitors,
        count(*) as exit_nb_visits
    from with_visits
    where is_exit
    group by id_site, visit_date, matomo_report, label

),

time_spent as (

    select
        t.id_site, t.action_local_date as day, 'Actions.getPageUrls' as matomo_report,
        {{ page_url_label('t.url') }} as label, t.time_spent_seconds
    from {{ ref('int_matomo__time_on_page') }} as t
    where t.page_type = 'pageview'
    {%- if is_incremental() %}
    and (t.id_site, t.action_local_date) in (select site_id, day from days)
    {%- endif %}
    union all
    select
        t.id_site, t.title_action_local_date, 'Actions.getPageTitles', t.title_page_title,
        t.time_spent_seconds
    from {{ ref('int_matomo__time_on_page') }} as t
    where t.title_page_type = 'pageview'
    {%- if is_incremental() %}
    and (t.id_site, t.title_action_local_date) in (select site_id, day from days)
    {%- endif %}

),

time_per_label as (

    select id_site, day, matomo_report, label, sum(time_spent_seconds) as sum_time_spent
    from time_spent
    group by id_site, day, matomo_report, label

),

keys as (

    select id_site, day, matomo_report, label from hits
    union
    select id_site, day, matomo_report, label from entries
    union
    select id_site, day, matomo_report, label from exits

),

day_rows as (

    select
        k.id_site as site_id,
        k.day,
        k.matomo_report,
        k.label,
        h.nb_hits,
        h.nb_visits,
        h.nb_uniq_visitors,
        h.nb_hits_following_search,
        e.entry_nb_uniq_visitors,
        e.entry_nb_visits,
        e.entry_nb_actions,
        e.entry_sum_visit_length,
        e.entry_bounce_count,
        x.exit_nb_uniq_visitors,
        x.exit_nb_visits,
        coalesce(t.sum_time_spent, 0) as sum_time_spent
    from keys as k
    inner join days as d on d.site_id = k.id_site and d.day = k.day
    left join hits as h
        on h.id_site = k.id_site and h.day = k.day and h.matomo_report = k.matomo_report and h.label = k.label
    left join entries as e
        on e.id_site = k.id_site and e.day = k.day and e.matomo_report = k.matomo_report and e.label = k.label
    left join exits as x
        on x.id_site = k.id_site and x.day = k.day and x.matomo_report = k.matomo_report and x.label = k.label
    left join time_per_label as t
        on t.id_site = k.id_site and t.day = k.day and t.matomo_report = k.matomo_report and t.label = k.label

),

period_rows as (

    {{ rollup_day_rows('day_rows', ['matomo_report', 'label'],
        sums=['nb_hits', 'nb_visits', 'nb_hits_following_search', 'entry_nb_visits', 'entry_nb_actions',
              'entry_sum_visit_length', 'entry_bounce_count', 'exit_nb_visits', 'sum_time_spent'],
        uniques=['nb_uniq_visitors', 'entry_nb_uniq_visitors', 'exit_nb_uniq_visitors']) }}

),

url_trees as (

    -- the top-level node of each page URL in Matomo's URL tree: its first folder, or the page
    select
        r.*,
        case
            when length(split_part(r.label, '?', 1)) - length(replace(split_part(r.label, '?', 1), '/', '')) >= 2
                then 'folder ' || split_part(r.label, '/', 2)
            else 'page ' || r.label
        end as top_level_node
    from period_rows as r
    where r.matomo_report = 'Actions.getPageUrls'

),

entry_exit_rows as (

    select
        t.*,
        coalesce(sum(t.entry_nb_visits) over (
            partition by t.site_id, t.period, t.date, t.top_level_node), 0) as node_entries,
        coalesce(sum(t.exit_nb_visits) over (
            partition by t.site_id, t.period, t.date, t.top_level_node), 0) as node_exits
    from url_trees as t

),

all_rows as (

    select * from period_rows
    union all
    select
        site_id, period, date, 'Actions.getEntryPageUrls', label, nb_hits, nb_visits, nb_hits_following_search,
        entry_nb_visits, entry_nb_actions, entry_sum_visit_length, entry_bounce_count, exit_nb_visits,
        sum_time_spent, nb_uniq_visitors, sum_daily_nb_uniq_visitors, entry_nb_uniq_visitors,
        sum_daily_entry_nb_uniq_visitors, exit_nb_uniq_visitors, sum_daily_exit_nb_uniq_visitors, days_with_row
    from entry_exit_rows
    where node_entries > 0
    union all
    select
        site_id, period, date, 'Actions.getExitPageUrls', label, nb_hits, nb_visits, nb_hits_following_search,
        entry_nb_visits, entry_nb_actions, entry_sum_visit_length, entry_bounce_count, exit_nb_visits,
        sum_time_spent, nb_uniq_visitors, sum_daily_nb_uniq_visitors, entry_nb_uniq_visitors,
        sum_daily_entry_nb_uniq_visitors, exit_nb_uniq_visitors, sum_daily_exit_nb_uniq_visitors, days_with_row
    from entry_exit_rows
    where node_exits > 0

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
    cast(entry_nb_uniq_visitors as {{ dbt.type_bigint() }}) as entry_nb_uniq_visitors,
    cast(sum_daily_entry_nb_uniq_visitors as {{ dbt.type_bigint() }}) as sum_daily_entry_nb_uniq_visitors,
    cast(entry_nb_visits as {{ dbt.type_bigint() }}) as entry_nb_visits,
    cast(entry_nb_actions as {{ dbt.type_bigint() }}) as entry_nb_actions,
    cast(entry_sum_visit_length as {{ dbt.type_bigint() }}) as entry_sum_visit_length,
    cast(entry_bounce_count as {{ dbt.type_bigint() }}) as entry_bounce_count,
    cast(exit_nb_uniq_visitors as {{ dbt.type_bigint() }}) as exit_nb_uniq_visitors,
    cast(sum_daily_exit_nb_uniq_visitors as {{ dbt.type_bigint() }}) as sum_daily_exit_nb_uniq_visitors,
    cast(exit_nb_visits as {{ dbt.type_bigint() }}) as exit_nb_visits,
    cast(sum_time_spent as {{ dbt.type_bigint() }}) as sum_time_spent,
    cast(nb_hits_following_search as {{ dbt.type_bigint() }}) as nb_hits_following_search,
    {{ php_ratio('coalesce(entry_bounce_count, 0)', 'entry_nb_visits', 2) }} as bounce_rate,
    {{ php_ratio('coalesce(exit_nb_visits, 0)', 'nb_visits', 2) }} as exit_rate,
    {{ php_ratio('sum_time_spent', 'nb_hits', 0) }} as avg_time_on_page,
    {{ metrics_load_id() }} as dlt_load_id
from all_rows
