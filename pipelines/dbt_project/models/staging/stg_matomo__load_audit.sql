-- One row per (site, local day) the loader read. No joins.
with source as (

    select
        {{ select_source_columns(source('matomo_raw', 'load_audit'), [
            ('id_site', dbt.type_bigint()),
            ('visit_date', 'date'),
            ('is_final', dbt.type_boolean()),
            ('pages', dbt.type_bigint()),
            ('visits', dbt.type_bigint()),
            ('actions', dbt.type_bigint()),
            ('duplicate_visits', dbt.type_bigint()),
            ('other_day_visits', dbt.type_bigint()),
            ('truncated_visits', dbt.type_bigint()),
            ('loaded_at', dbt.type_timestamp()),
            ('_dlt_load_id', dbt.type_string()),
        ]) }}
    from {{ source('matomo_raw', 'load_audit') }}

),

renamed as (

    select
        id_site,
        visit_date,
        coalesce(is_final, false) as is_final,
        coalesce(pages, 0) as api_pages,
        coalesce(visits, 0) as visits,
        coalesce(actions, 0) as actions,
        coalesce(duplicate_visits, 0) as duplicate_visits,
        coalesce(other_day_visits, 0) as other_day_visits,
        coalesce(truncated_visits, 0) as truncated_visits,
        loaded_at,
        _dlt_load_id as dlt_load_id
    from source

)

select * from renamed
