-- One row per Matomo site. No joins.
with source as (

    select
        {{ select_source_columns(source('matomo_raw', 'sites'), [
            ('idsite', dbt.type_bigint()),
            ('name', dbt.type_string()),
            ('main_url', dbt.type_string()),
            ('timezone', dbt.type_string()),
            ('currency', dbt.type_string()),
            ('ecommerce', dbt.type_bigint()),
            ('sitesearch', dbt.type_bigint()),
            ('type', dbt.type_string()),
            ('ts_created', dbt.type_timestamp()),
            ('_dlt_load_id', dbt.type_string()),
        ]) }}
    from {{ source('matomo_raw', 'sites') }}

),

renamed as (

    select
        idsite as id_site,
        name as site_name,
        main_url,
        timezone,
        currency,
        coalesce(ecommerce, 0) = 1 as is_ecommerce,
        coalesce(sitesearch, 0) = 1 as has_site_search,
        type as site_type,
        ts_created as created_at,
        _dlt_load_id as dlt_load_id
    from source

)

select * from renamed
