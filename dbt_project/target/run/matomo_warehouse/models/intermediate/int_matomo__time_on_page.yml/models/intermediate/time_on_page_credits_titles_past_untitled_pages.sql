
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "credited_by_position","action_position","url","title_action_position","title_page_title","time_spent_seconds", 'actual' as "actual_or_expected"
  from (
    
/*
  Matomo's time on page: the one implementation of the rule. One row per request that
  credits a gap to the page or site search current before it (the `sum_time_spent` of
  Actions.getPageUrls / getPageTitles; int_matomo__pageviews.time_on_page_seconds and
  metrics_page_urls / metrics_page_titles are sums of these rows). Verified against the
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

with  __dbt__cte__int_matomo__incremental_window as (

-- Fixture for int_matomo__incremental_window
select cast(null as character varying(256)) as "model_name", cast(null as character varying(256)) as "window_kind", cast(null as BIGINT) as "id_site", cast(null as BIGINT) as "id_visit", cast(null as DATE) as "day"
    limit 0
),  __dbt__cte__int_matomo__actions as (

-- Fixture for int_matomo__actions
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", 
    
    cast(1030 as BIGINT)
 as "local_epoch", 
    
    cast(2 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('u2' as character varying)
 as "url", 
    
    cast('A' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", 
    
    cast(1000 as BIGINT)
 as "local_epoch", 
    
    cast(1 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('u1' as character varying)
 as "url", 
    
    cast(null as character varying(256))
 as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", 
    
    cast(1050 as BIGINT)
 as "local_epoch", 
    
    cast(3 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('u3' as character varying)
 as "url", 
    
    cast('' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(4 as BIGINT)
 as "action_position", 
    
    cast('download' as character varying)
 as "action_type", cast(null as character varying(256)) as "raw_type", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", 
    
    cast(1060 as BIGINT)
 as "local_epoch", 
    
    cast(4 as BIGINT)
 as "request_sequence", cast(null as BOOLEAN) as "is_page_hit", cast(null as BOOLEAN) as "counts_as_visit_action", 
    
    cast('f' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as character varying(256)) as "pageview_id", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
), incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from __dbt__cte__int_matomo__incremental_window
    where model_name = ''

),

actions as (

    select a.* from __dbt__cte__int_matomo__actions as a

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
        -- the pageview or site search current before the request (latest one strictly before)
        last_value(case when a.action_type in ('pageview', 'site_search') then a.action_position end ignore nulls)
            over (w rows between unbounded preceding and 1 preceding) as current_page_position,
        -- the page title current before the request: a pageview without title does not replace it
        last_value(case when a.action_type = 'site_search'
                          or (a.action_type = 'pageview' and nullif(trim(a.page_title), '') is not null)
                        then a.action_position end ignore nulls)
            over (w rows between unbounded preceding and 1 preceding) as current_title_position
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
        end, 0), 1800) as time_spent_seconds,
    s.dlt_load_id
from sequenced as s
inner join actions as p
    on p.id_site = s.id_site and p.id_visit = s.id_visit and p.action_position = s.current_page_position
left join actions as t
    on t.id_site = s.id_site and t.id_visit = s.id_visit and t.action_position = s.current_title_position
-- only these requests credit a gap (events, goals and ecommerce requests lose theirs)
where s.action_type in ('pageview', 'download', 'outlink', 'site_search', 'content_impression', 'content_interaction')
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "credited_by_position", "action_position", "url", "title_action_position", "title_page_title", "time_spent_seconds", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast(3 as BIGINT)
 as "credited_by_position", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('u2' as character varying)
 as "url", 
    
    cast(2 as BIGINT)
 as "title_action_position", 
    
    cast('A' as character varying)
 as "title_page_title", 
    
    cast(20 as BIGINT)
 as "time_spent_seconds"
union all
select 
    
    cast(2 as BIGINT)
 as "credited_by_position", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('u1' as character varying)
 as "url", 
    
    cast(null as BIGINT)
 as "title_action_position", 
    
    cast(null as character varying(256))
 as "title_page_title", 
    
    cast(30 as BIGINT)
 as "time_spent_seconds"
union all
select 
    
    cast(4 as BIGINT)
 as "credited_by_position", 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast('u3' as character varying)
 as "url", 
    
    cast(2 as BIGINT)
 as "title_action_position", 
    
    cast('A' as character varying)
 as "title_page_title", 
    
    cast(10 as BIGINT)
 as "time_spent_seconds"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected