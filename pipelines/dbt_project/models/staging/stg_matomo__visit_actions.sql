-- One row per actionDetails entry of a visit, renamed and typed. No joins.
with source as (

    select
        {{ select_source_columns(source('matomo_raw', 'visit_actions'), [
            ('id_site', dbt.type_bigint()),
            ('id_visit', dbt.type_bigint()),
            ('position', dbt.type_bigint()),
            ('type', dbt.type_string()),
            ('timestamp', dbt.type_bigint()),
            ('url', dbt.type_string()),
            ('page_title', dbt.type_string()),
            ('page_id_action', dbt.type_bigint()),
            ('idpageview', dbt.type_string()),
            ('pageview_position', dbt.type_bigint()),
            ('time_spent', dbt.type_bigint()),
            ('page_load_time_milliseconds', dbt.type_bigint()),
            ('event_category', dbt.type_string()),
            ('event_action', dbt.type_string()),
            ('event_name', dbt.type_string()),
            ('event_value', money_type()),
            ('site_search_keyword', dbt.type_string()),
            ('site_search_category', dbt.type_string()),
            ('site_search_count', dbt.type_bigint()),
            ('goal_id', dbt.type_bigint()),
            ('goal_name', dbt.type_string()),
            ('revenue', money_type()),
            ('order_id', dbt.type_string()),
            ('items', dbt.type_bigint()),
            ('revenue_sub_total', money_type()),
            ('revenue_tax', money_type()),
            ('revenue_shipping', money_type()),
            ('revenue_discount', money_type()),
            ('content_name', dbt.type_string()),
            ('content_piece', dbt.type_string()),
            ('content_target', dbt.type_string()),
            ('content_interaction', dbt.type_string()),
            ('product_view_sku', dbt.type_string()),
            ('product_view_name', dbt.type_string()),
            ('product_view_price', money_type()),
            ('product_view_categories', 'varchar[]'),
            ('_dlt_load_id', dbt.type_string()),
        ]) }}
    from {{ source('matomo_raw', 'visit_actions') }}

),

renamed as (

    select
        id_site,
        id_visit,
        position as action_position,
        type as raw_type,
        timestamp as local_epoch,
        url,
        page_title,
        page_id_action,
        idpageview as pageview_id,
        pageview_position,
        time_spent as live_time_spent_seconds,
        page_load_time_milliseconds,
        event_category,
        event_action,
        event_name,
        event_value,
        site_search_keyword as search_keyword,
        site_search_category as search_category,
        site_search_count as search_result_count,
        goal_id,
        goal_name,
        revenue,
        order_id,
        items as items_quantity,
        revenue_sub_total as revenue_subtotal,
        revenue_tax,
        revenue_shipping,
        revenue_discount,
        content_name,
        content_piece,
        content_target,
        content_interaction,
        product_view_sku,
        product_view_name,
        product_view_price,
        product_view_categories,
        _dlt_load_id as dlt_load_id
    from source

)

select * from renamed
