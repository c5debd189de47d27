/*
  One row per pageview with Matomo's time on page (the `sum_time_spent` of
  Actions.getPageUrls / getPageTitles), verified against the recorded reports.

  Matomo stores on every tracked action the gap to the visit's previous request
  (time_spent_ref_action, clamped to 0..max_time_spent_seconds) against the page that was
  current then (idaction_url_ref), and the page report sums those gaps:
  - requests are taken in the order Matomo received them (request_sequence);
  - the "current page" is the last pageview **or site search** before the request; a gap
    whose current page is a site search is credited to the search, not to a page;
  - gaps ending in an event, goal or ecommerce request are lost (events are excluded from
    the time-spent query; conversions create no action row) — the next request's gap is
    still measured from them;
  - downloads, outlinks, content impressions/interactions, pageviews and searches carry
    their gap to the current page; the last page of a visit gets nothing more.
  Requests Live never shows (heartbeat pings, cart updates overwritten by later ones) also
  end a gap in Matomo; they cannot be reproduced from Live data.
*/
{%- set max_gap = var('matomo__max_time_spent_seconds', 1800) | int %}

with actions as (

    select * from {{ ref('int_matomo__actions') }}

),

sequenced as (

    select
        actions.*,
        lag(local_epoch) over (
            partition by id_site, id_visit order by request_sequence
        ) as previous_request_epoch,
        -- the pageview or site search current before this request (latest one strictly before)
        max(case when action_type in ('pageview', 'site_search') then request_sequence end)
            over (
                partition by id_site, id_visit
                order by request_sequence
                rows between unbounded preceding and 1 preceding
            ) as current_page_sequence
    from actions

),

credited_gaps as (

    select
        id_site,
        id_visit,
        current_page_sequence,
        sum(
            case
                when previous_request_epoch is null then 0
                when action_type in ('event', 'goal', 'ecommerce_order', 'abandoned_cart') then 0
                when local_epoch - previous_request_epoch < 0 then 0
                when local_epoch - previous_request_epoch > {{ max_gap }} then {{ max_gap }}
                else local_epoch - previous_request_epoch
            end
        ) as time_spent_seconds,
        count(*) as following_requests
    from sequenced
    where current_page_sequence is not null
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
