{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['id_site', 'id_visit'],
        on_schema_change='append_new_columns',
    )
}}
/*
  One row per pageview with Matomo's time on page (the `sum_time_spent` of
  Actions.getPageUrls) and entry/exit flags.

  time_on_page_seconds = the sum of the gaps int_matomo__time_on_page credits to this
  pageview (page_type = 'pageview', matched on action_position); that model owns the rule
  (which requests credit a gap, to which page, and when Live's timeSpent is the gap).
  A pageview no request credits (e.g. the last page of a visit) gets 0.
*/
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

actions as (

    select a.* from {{ ref('int_matomo__actions') }} as a
    {%- if is_incremental() %}
    where (a.id_site, a.id_visit) in ({{ incremental_window('changed_visit') }})
    {%- endif %}

),

credits as (

    select
        id_site,
        id_visit,
        action_position,
        sum(time_spent_seconds) as time_spent_seconds
    from {{ ref('int_matomo__time_on_page') }} as t
    where page_type = 'pageview'
    {%- if is_incremental() %}
      and exists (select 1 from actions as a where a.id_site = t.id_site and a.id_visit = t.id_visit)
    {%- endif %}
    group by id_site, id_visit, action_position

),

page_like as (

    -- Entry and exit "pages" are the first / last pageview *or site search*: a visit whose
    -- last page-like request is a search has no exit page URL (Actions.getExitPageUrls).
    select
        a.*,
        row_number() over (
            partition by a.id_site, a.id_visit order by a.request_sequence
        ) as page_like_number,
        count(*) over (partition by a.id_site, a.id_visit) as visit_page_likes
    from actions as a
    where a.action_type in ('pageview', 'site_search')

),

pageviews as (

    select
        page_like.*,
        row_number() over (
            partition by id_site, id_visit order by request_sequence
        ) as pageview_number
    from page_like
    where action_type = 'pageview'

),

final as (

    select
        p.id_site,
        p.id_visit,
        p.action_position,
        p.pageview_number,
        p.request_sequence,
        p.action_local_at,
        p.action_local_date,
        p.url,
        p.page_title,
        p.pageview_id,
        p.page_like_number = 1 as is_entry_page,
        p.page_like_number = p.visit_page_likes as is_exit_page,
        cast(coalesce(c.time_spent_seconds, 0) as {{ dbt.type_bigint() }}) as time_on_page_seconds,
        p.page_load_time_milliseconds,
        p.live_time_spent_seconds,
        p.dlt_load_id
    from pageviews as p
    left join credits as c
        on c.id_site = p.id_site
        and c.id_visit = p.id_visit
        and c.action_position = p.action_position

)

select * from final
