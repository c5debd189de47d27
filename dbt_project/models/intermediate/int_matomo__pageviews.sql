/*
  One row per pageview with Matomo's time on page (the `sum_time_spent` of
  Actions.getPageUrls / getPageTitles), verified against the recorded reports (every
  URL-day of both recorded sites).

  Matomo stores on every tracked action the gap to the visit's previous request
  (time_spent_ref_action, clamped to 0..max_time_spent_seconds) against the page that was
  current then (idaction_url_ref), and the page report sums those gaps:
  - requests are taken in the order Matomo received them (request_sequence: at the same
    second a goal / ecommerce request comes after the action that triggered it);
  - the "current page" is the last pageview **or site search** before the request; a gap
    whose current page is a site search is credited to the search, not to a page;
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
  Same rule as int_metrics__time_on_page (which feeds metrics_page_urls / _titles).
*/
{%- set max_gap = var('matomo__max_time_spent_seconds', 1800) | int %}

with actions as (

    select * from {{ ref('int_matomo__actions') }}

),

logged as (

    -- requests that create an action row in Matomo (conversions do not): the previous one
    -- decides whether a pageview's gap is Live's timeSpent of the previous page
    select
        id_site,
        id_visit,
        request_sequence,
        lag(action_type) over w as previous_logged_type,
        lag(live_time_spent_seconds) over w as previous_logged_live_time_spent
    from actions
    where action_type not in ('goal', 'ecommerce_order', 'abandoned_cart')
    window w as (partition by id_site, id_visit order by request_sequence)

),

sequenced as (

    select
        actions.*,
        l.previous_logged_type,
        l.previous_logged_live_time_spent,
        lag(actions.local_epoch) over (
            partition by actions.id_site, actions.id_visit order by actions.request_sequence
        ) as previous_request_epoch,
        -- the pageview or site search current before this request (latest one strictly before)
        max(case when actions.action_type in ('pageview', 'site_search') then actions.request_sequence end)
            over (
                partition by actions.id_site, actions.id_visit
                order by actions.request_sequence
                rows between unbounded preceding and 1 preceding
            ) as current_page_sequence
    from actions
    left join logged as l
        on l.id_site = actions.id_site
        and l.id_visit = actions.id_visit
        and l.request_sequence = actions.request_sequence

),

request_gaps as (

    -- the gap each request credits to the current page or search (NULL: credits nothing)
    select
        id_site,
        id_visit,
        current_page_sequence,
        case
            when action_type not in (
                'pageview', 'site_search', 'download', 'outlink',
                'content_impression', 'content_interaction'
            ) then null
            when action_type = 'pageview'
                 and previous_logged_type in ('pageview', 'site_search')
                 and previous_logged_live_time_spent is not null
                then previous_logged_live_time_spent
            else local_epoch - previous_request_epoch
        end as gap_seconds
    from sequenced
    where current_page_sequence is not null

),

credited_gaps as (

    select
        id_site,
        id_visit,
        current_page_sequence,
        sum(least(greatest(gap_seconds, 0), {{ max_gap }})) as time_spent_seconds,
        count(*) as following_requests
    from request_gaps
    group by id_site, id_visit, current_page_sequence

),

page_like as (

    -- Entry and exit "pages" are the first / last pageview *or site search*: a visit whose
    -- last page-like request is a search has no exit page URL (Actions.getExitPageUrls).
    select
        s.*,
        row_number() over (
            partition by s.id_site, s.id_visit order by s.request_sequence
        ) as page_like_number,
        count(*) over (partition by s.id_site, s.id_visit) as visit_page_likes
    from sequenced as s
    where s.action_type in ('pageview', 'site_search')

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
        cast(coalesce(g.time_spent_seconds, 0) as {{ dbt.type_bigint() }}) as time_on_page_seconds,
        p.page_load_time_milliseconds,
        p.live_time_spent_seconds,
        p.dlt_load_id
    from pageviews as p
    left join credited_gaps as g
        on g.id_site = p.id_site
        and g.id_visit = p.id_visit
        and g.current_page_sequence = p.request_sequence

)

select * from final
