{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['id_site', 'id_visit'],
        on_schema_change='append_new_columns',
    )
}}
/*
  Matomo's time on page: the one implementation of the rule. One row per request that
  credits a gap to the page or site search current before it (the `sum_time_spent` of
  Actions.getPageUrls / getPageTitles; int_matomo__pageviews.time_on_page_seconds and
  metrics_pages / metrics_site_search are sums of these rows). Verified against the
  recorded reports (every URL-day of both recorded sites).

  Matomo stores on every tracked action the gap to the visit's previous request
  (time_spent_ref_action, clamped to 0..max_time_spent_seconds) against the page that was
  current then (idaction_url_ref), and the page report sums those gaps:
  - requests are taken in the order Matomo received them (request_sequence: at the same
    second a goal / ecommerce request comes after the action that triggered it);
  - the "current page" is the last pageview **or site search** before the request; a gap
    whose current page is a site search is credited to the search, not to a page
    (page_type = 'site_search');
  - gaps ending in an event, goal or ecommerce request are lost (events are excluded from
    the time-spent query; conversions create no action row) — the next request's gap is
    still measured from them (an event resets the clock);
  - downloads, outlinks, content impressions/interactions, pageviews and searches carry
    their gap to the current page; the last page of a visit gets nothing more;
  - when a pageview directly follows a pageview or site search (no other action row in
    between; conversions create none), its gap is Live's `timeSpent` of that previous
    page/search instead of the timestamp difference. Live reads timeSpent from Matomo's own
    time_spent_ref_action of the next action, so it accounts for requests Live never lists
    (heartbeat pings, cart updates overwritten by later ones, goal requests), which also
    end a gap in Matomo. Site searches have no Live timeSpent: the timestamp gap is used.

  The page *title* a gap is credited to (title_* columns, for Actions.getPageTitles) follows
  Matomo's idaction_name_ref = the visit's exit title at that moment: the last pageview
  *with a title* or site search before the request. A pageview without a title never becomes
  the exit title (ExitPageTitle::onExistingVisit keeps the old one when the action has no name
  id), so the gaps it would get go to the title before it, or are lost (ref 0) when there
  is none — its "Page Name not defined" row has hits but no time.
*/
{%- set max_gap = var('matomo__max_time_spent_seconds', 1800) | int %}

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

logged as (

    -- requests that create an action row in Matomo (conversions do not): the previous one
    -- decides whether a pageview's gap is Live's timeSpent of the previous page
    select
        id_site, id_visit, request_sequence,
        lag(action_type) over w as previous_logged_type,
        lag(live_time_spent_seconds) over w as previous_logged_live_time_spent
    from actions
    where action_type not in ('goal', 'ecommerce_order', 'abandoned_cart')
    window w as (partition by id_site, id_visit order by request_sequence)

),

sequenced as (

    select
        a.*,
        l.previous_logged_type,
        l.previous_logged_live_time_spent,
        a.local_epoch - lag(a.local_epoch) over w as gap_seconds,
        -- the pageview or site search current before the request (latest one strictly before).
        -- request_sequence grows along w, so the latest is the max (portable: PostgreSQL has no
        -- `last_value(... ignore nulls)`)
        max(case when a.action_type in ('pageview', 'site_search') then a.request_sequence end)
            over (w rows between unbounded preceding and 1 preceding) as current_page_sequence,
        -- the page title current before the request: a pageview without title does not replace it
        max(case when a.action_type = 'site_search'
                      or (a.action_type = 'pageview' and nullif(trim(a.page_title), '') is not null)
                    then a.request_sequence end)
            over (w rows between unbounded preceding and 1 preceding) as current_title_sequence
    from actions as a
    left join logged as l using (id_site, id_visit, request_sequence)
    window w as (partition by a.id_site, a.id_visit order by a.request_sequence)

)

select
    s.id_site,
    s.id_visit,
    s.action_position as credited_by_position,
    p.action_position,
    p.action_type as page_type,
    p.action_local_date,
    p.url,
    p.page_title,
    t.action_position as title_action_position,
    t.action_type as title_page_type,
    t.action_local_date as title_action_local_date,
    t.page_title as title_page_title,
    least(greatest(
        case
            when s.action_type = 'pageview'
                 and s.previous_logged_type in ('pageview', 'site_search')
                 and s.previous_logged_live_time_spent is not null
                then s.previous_logged_live_time_spent
            else s.gap_seconds
        end, 0), {{ max_gap }}) as time_spent_seconds,
    s.dlt_load_id
from sequenced as s
inner join actions as p
    on p.id_site = s.id_site and p.id_visit = s.id_visit and p.request_sequence = s.current_page_sequence
left join actions as t
    on t.id_site = s.id_site and t.id_visit = s.id_visit and t.request_sequence = s.current_title_sequence
-- only these requests credit a gap (events, goals and ecommerce requests lose theirs)
where s.action_type in ('pageview', 'download', 'outlink', 'site_search', 'content_impression', 'content_interaction')
