{#- Actions.getPageUrls / getPageTitles (flat=1) per site, local day and label.
    label_of(alias) returns the label expression of a pageview row with columns url, page_title. -#}
{% macro page_report(label_kind) -%}
{%- set label = (page_url_label('url') if label_kind == 'url'
                 else "coalesce(nullif(trim(page_title), ''), 'Page Name not defined')") -%}
with pageviews as (

    select pv.*, {{ label }} as label
    from {{ ref('int_matomo__pageviews') }} as pv

),

visits as (

    select * from {{ ref('int_matomo__visits') }}

),

days as (

    select site_id as d_site_id, day as d_day from {{ ref('int_metrics__periods') }} where period = 'day'

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

    select t.id_site, t.action_local_date as day, {{ label }} as label,
           sum(t.time_spent_seconds) as sum_time_spent
    from {{ ref('int_metrics__time_on_page') }} as t
    where t.page_type = 'pageview'
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
        coalesce(h.nb_hits, 0) as nb_hits,
        coalesce(h.nb_visits, 0) as nb_visits,
        coalesce(e.entry_nb_visits, 0) as entry_nb_visits,
        coalesce(e.entry_nb_actions, 0) as entry_nb_actions,
        coalesce(e.entry_sum_visit_length, 0) as entry_sum_visit_length,
        coalesce(e.entry_bounce_count, 0) as entry_bounce_count,
        coalesce(x.exit_nb_visits, 0) as exit_nb_visits,
        coalesce(t.sum_time_spent, 0) as sum_time_spent
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
    {{ php_ratio('sum_time_spent', 'nb_hits', 0) }} as avg_time_on_page
from joined
{%- endmacro %}
