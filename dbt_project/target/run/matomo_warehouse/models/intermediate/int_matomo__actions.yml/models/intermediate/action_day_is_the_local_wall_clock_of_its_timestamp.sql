
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "action_position","action_type","action_local_date","request_sequence","counts_as_visit_action", 'actual' as "actual_or_expected"
  from (
    
/*
  One row per action of a visit (id_site, id_visit, action_position), typed, with its
  site-local date/time and its place in the visit's request sequence.

  - action_type maps Live's `type`: action -> pageview, search -> site_search, 13 -> content
    impression / content interaction (interaction when content_interaction is set),
    ecommerceOrder -> ecommerce_order, ecommerceAbandonedCart -> abandoned_cart.
  - Live's actionDetails[].timestamp is the site-local wall clock written as a UTC epoch,
    so its UTC reading *is* the local date/time (no timezone conversion).
  - request_sequence orders the visit's requests as Matomo received them: by time; at the
    same second a conversion (goal / ecommerce) comes after the action that triggered it
    (Live lists it first), then by position.
*/
with  __dbt__cte__int_matomo__incremental_window as (

-- Fixture for int_matomo__incremental_window
select cast(null as character varying(256)) as "model_name", cast(null as character varying(256)) as "window_kind", cast(null as BIGINT) as "id_site", cast(null as BIGINT) as "id_visit", cast(null as DATE) as "day"
    limit 0
),  __dbt__cte__stg_matomo__visit_actions as (

-- Fixture for stg_matomo__visit_actions
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(9 as BIGINT)
 as "id_visit", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('goal' as character varying)
 as "raw_type", 
    
    cast(1791244799 as BIGINT)
 as "local_epoch", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "page_id_action", cast(null as character varying(256)) as "pageview_id", cast(null as BIGINT) as "pageview_position", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", 
    
    cast(1 as BIGINT)
 as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(9 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('action' as character varying)
 as "raw_type", 
    
    cast(1791244799 as BIGINT)
 as "local_epoch", 
    
    cast('https://docs.example.com/a' as character varying)
 as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "page_id_action", cast(null as character varying(256)) as "pageview_id", cast(null as BIGINT) as "pageview_position", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(9 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast('13' as character varying)
 as "raw_type", 
    
    cast(1791244800 as BIGINT)
 as "local_epoch", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "page_id_action", cast(null as character varying(256)) as "pageview_id", cast(null as BIGINT) as "pageview_position", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", 
    
    cast('click' as character varying)
 as "content_interaction", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(9 as BIGINT)
 as "id_visit", 
    
    cast(4 as BIGINT)
 as "action_position", 
    
    cast('13' as character varying)
 as "raw_type", 
    
    cast(1791244800 as BIGINT)
 as "local_epoch", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "page_id_action", cast(null as character varying(256)) as "pageview_id", cast(null as BIGINT) as "pageview_position", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(9 as BIGINT)
 as "id_visit", 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast('search' as character varying)
 as "raw_type", 
    
    cast(1791244801 as BIGINT)
 as "local_epoch", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "page_id_action", cast(null as character varying(256)) as "pageview_id", cast(null as BIGINT) as "pageview_position", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as character varying(256)) as "event_category", cast(null as character varying(256)) as "event_action", cast(null as character varying(256)) as "event_name", cast(null as DECIMAL(38,9)) as "event_value", cast(null as character varying(256)) as "search_keyword", cast(null as character varying(256)) as "search_category", cast(null as BIGINT) as "search_result_count", cast(null as BIGINT) as "goal_id", cast(null as character varying(256)) as "goal_name", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "order_id", cast(null as BIGINT) as "items_quantity", cast(null as DECIMAL(38,9)) as "revenue_subtotal", cast(null as DECIMAL(38,9)) as "revenue_tax", cast(null as DECIMAL(38,9)) as "revenue_shipping", cast(null as DECIMAL(38,9)) as "revenue_discount", cast(null as character varying(256)) as "content_name", cast(null as character varying(256)) as "content_piece", cast(null as character varying(256)) as "content_target", cast(null as character varying(256)) as "content_interaction", cast(null as character varying(256)) as "product_view_sku", cast(null as character varying(256)) as "product_view_name", cast(null as DECIMAL(38,9)) as "product_view_price", cast(null as VARCHAR[]) as "product_view_categories", cast(null as character varying(256)) as "dlt_load_id"
), incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from __dbt__cte__int_matomo__incremental_window
    where model_name = ''

),

actions as (

    select a.* from __dbt__cte__stg_matomo__visit_actions as a

),

typed as (

    select
        actions.*,
        case raw_type
            when 'action' then 'pageview'
            when 'download' then 'download'
            when 'outlink' then 'outlink'
            when 'search' then 'site_search'
            when 'event' then 'event'
            when 'goal' then 'goal'
            when 'ecommerceOrder' then 'ecommerce_order'
            when 'ecommerceAbandonedCart' then 'abandoned_cart'
            when '13' then
                case when content_interaction is not null then 'content_interaction'
                     else 'content_impression' end
            else 'other'
        end as action_type,
        (to_timestamp(local_epoch) at time zone 'UTC') as action_local_at
    from actions

),

final as (

    select
        id_site,
        id_visit,
        action_position,
        action_type,
        raw_type,
        action_local_at,
        cast(action_local_at as date) as action_local_date,
        local_epoch,
        row_number() over (
            partition by id_site, id_visit
            order by
                local_epoch,
                case when action_type in ('goal', 'ecommerce_order', 'abandoned_cart')
                     then 1 else 0 end,
                action_position
        ) as request_sequence,
        action_type in ('pageview') as is_page_hit,
        -- Matomo's visit `actions` counter: pageviews, downloads, outlinks, searches, events
        action_type in ('pageview', 'download', 'outlink', 'site_search', 'event')
            as counts_as_visit_action,
        url,
        page_title,
        pageview_id,
        event_category,
        event_action,
        event_name,
        event_value,
        search_keyword,
        search_category,
        search_result_count,
        content_name,
        content_piece,
        content_target,
        content_interaction,
        goal_id,
        goal_name,
        revenue,
        order_id,
        items_quantity,
        revenue_subtotal,
        revenue_tax,
        revenue_shipping,
        revenue_discount,
        product_view_sku,
        product_view_name,
        product_view_price,
        product_view_categories,
        page_load_time_milliseconds,
        live_time_spent_seconds,
        dlt_load_id
    from typed

)

select * from final
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "action_position", "action_type", "action_local_date", "request_sequence", "counts_as_visit_action", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('goal' as character varying)
 as "action_type", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", 
    
    cast(2 as BIGINT)
 as "request_sequence", 
    
    cast(False as BOOLEAN)
 as "counts_as_visit_action"
union all
select 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "action_type", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", 
    
    cast(1 as BIGINT)
 as "request_sequence", 
    
    cast(True as BOOLEAN)
 as "counts_as_visit_action"
union all
select 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast('content_interaction' as character varying)
 as "action_type", 
    
    cast('2026-10-06' as DATE)
 as "action_local_date", 
    
    cast(3 as BIGINT)
 as "request_sequence", 
    
    cast(False as BOOLEAN)
 as "counts_as_visit_action"
union all
select 
    
    cast(4 as BIGINT)
 as "action_position", 
    
    cast('content_impression' as character varying)
 as "action_type", 
    
    cast('2026-10-06' as DATE)
 as "action_local_date", 
    
    cast(4 as BIGINT)
 as "request_sequence", 
    
    cast(False as BOOLEAN)
 as "counts_as_visit_action"
union all
select 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast('site_search' as character varying)
 as "action_type", 
    
    cast('2026-10-06' as DATE)
 as "action_local_date", 
    
    cast(5 as BIGINT)
 as "request_sequence", 
    
    cast(True as BOOLEAN)
 as "counts_as_visit_action"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected