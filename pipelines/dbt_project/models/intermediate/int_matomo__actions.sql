{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['id_site', 'id_visit'],
        on_schema_change='append_new_columns',
    )
}}
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
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

actions as (

    select a.* from {{ ref('stg_matomo__visit_actions') }} as a
    {%- if is_incremental() %}
    -- whole visits re-loaded since the last run
    where (a.id_site, a.id_visit) in ({{ incremental_window('changed_visit') }})
    {%- endif %}

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
        {{ local_epoch_to_timestamp('local_epoch') }} as action_local_at
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
