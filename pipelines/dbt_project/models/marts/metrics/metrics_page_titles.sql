{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'period', 'date'],
        on_schema_change='append_new_columns',
    )
}}
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
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

days as (

    select site_id as d_site_id, day as d_day from ({{ metrics_periods() }}) where period = 'day'

),

{%- if is_incremental() %}

scope_visits as (

    -- every visit with an action or its visit day on a re-processed day: the rows of those
    -- days are recomputed from whole visits (entry/exit and time on page are per visit)
    select a.id_site, a.id_visit from {{ ref('int_matomo__actions') }} as a
    semi join days as d on d.d_site_id = a.id_site and d.d_day = a.action_local_date
    union
    select v.id_site, v.id_visit from {{ ref('int_matomo__visits') }} as v
    semi join days as d on d.d_site_id = v.id_site and d.d_day = v.visit_date

),
{%- endif %}

pageviews as (

    select
        pv.* exclude (is_entry_page, is_exit_page),
        coalesce(nullif(trim(page_title), ''), 'Page Name not defined') as label,
        coalesce(f.is_first_request, false) and nullif(trim(pv.page_title), '') is not null as is_entry_page,
        coalesce(x.is_exit_title, false) as is_exit_page
    from {{ ref('int_matomo__pageviews') }} as pv
    {%- if is_incremental() %}
    semi join scope_visits using (id_site, id_visit)
    {%- endif %}
    left join (
        select id_site, id_visit, action_position, true as is_first_request
        from (
            select id_site, id_visit, action_position,
                   row_number() over (partition by id_site, id_visit order by request_sequence) as n
            from {{ ref('int_matomo__actions') }}
            {%- if is_incremental() %}
            semi join scope_visits using (id_site, id_visit)
            {%- endif %}
        )
        where n = 1
    ) as f using (id_site, id_visit, action_position)
    left join (
        select id_site, id_visit, action_position, true as is_exit_title
        from (
            select id_site, id_visit, action_position,
                   row_number() over (partition by id_site, id_visit order by request_sequence desc) as n
            from {{ ref('int_matomo__actions') }}
            {%- if is_incremental() %}
            semi join scope_visits using (id_site, id_visit)
            {%- endif %}
            where action_type = 'site_search'
               or (action_type = 'pageview' and nullif(trim(page_title), '') is not null)
        )
        where n = 1
    ) as x using (id_site, id_visit, action_position)

),

visits as (

    select * from {{ ref('int_matomo__visits') }}
    {%- if is_incremental() %}
    semi join scope_visits using (id_site, id_visit)
    {%- endif %}

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
           count(*) filter (where v.actions <= {{ var('matomo__bounce_max_actions', 1) }}) as entry_bounce_count
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
    from {{ ref('int_matomo__time_on_page') }} as t
    {%- if is_incremental() %}
    semi join scope_visits using (id_site, id_visit)
    {%- endif %}
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
        cast(coalesce(h.nb_hits, 0) as {{ dbt.type_bigint() }}) as nb_hits,
        cast(coalesce(h.nb_visits, 0) as {{ dbt.type_bigint() }}) as nb_visits,
        cast(coalesce(e.entry_nb_visits, 0) as {{ dbt.type_bigint() }}) as entry_nb_visits,
        cast(coalesce(e.entry_nb_actions, 0) as {{ dbt.type_bigint() }}) as entry_nb_actions,
        cast(coalesce(e.entry_sum_visit_length, 0) as {{ dbt.type_bigint() }}) as entry_sum_visit_length,
        cast(coalesce(e.entry_bounce_count, 0) as {{ dbt.type_bigint() }}) as entry_bounce_count,
        cast(coalesce(x.exit_nb_visits, 0) as {{ dbt.type_bigint() }}) as exit_nb_visits,
        cast(coalesce(t.sum_time_spent, 0) as {{ dbt.type_bigint() }}) as sum_time_spent
    from keys as k
    inner join days as d on d.d_site_id = k.id_site and d.d_day = k.day
    left join hits as h using (id_site, day, label)
    left join entries as e using (id_site, day, label)
    left join exits as x using (id_site, day, label)
    left join time_spent as t using (id_site, day, label)

)

select
    *,
    {{ php_ratio('entry_bounce_count', 'entry_nb_visits', 2) }} as bounce_rate,
    {{ php_ratio('exit_nb_visits', 'nb_visits', 2) }} as exit_rate,
    {{ php_ratio('sum_time_spent', 'nb_hits', 0) }} as avg_time_on_page,
    {{ metrics_load_id() }} as dlt_load_id
from joined
