-- One row per item of an ecommerce order or abandoned-cart action. No joins.
with source as (

    {{ select_source_or_empty(source('matomo_raw', 'ecommerce_items'), [
        ('id_site', dbt.type_bigint()),
        ('id_visit', dbt.type_bigint()),
        ('position', dbt.type_bigint()),
        ('item_position', dbt.type_bigint()),
        ('action_type', dbt.type_string()),
        ('order_id', dbt.type_string()),
        ('item_sku', dbt.type_string()),
        ('item_name', dbt.type_string()),
        ('item_category', dbt.type_string()),
        ('categories', type_json()),
        ('price', money_type()),
        ('quantity', dbt.type_bigint()),
        ('_dlt_load_id', dbt.type_string()),
    ]) }}

),

renamed as (

    select
        id_site,
        id_visit,
        position as action_position,
        item_position,
        action_type as raw_action_type,
        order_id,
        item_sku as sku,
        item_name,
        nullif(item_category, '') as item_category,
        {{ stored_string_list('categories') }} as item_categories,
        coalesce(price, 0) as price,
        coalesce(quantity, 0) as quantity,
        _dlt_load_id as dlt_load_id
    from source

)

select * from renamed
