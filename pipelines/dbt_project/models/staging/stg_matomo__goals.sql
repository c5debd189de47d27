-- One row per goal of a site. No joins.
with source as (

    select
        {{ select_source_columns(source('matomo_raw', 'goals'), [
            ('idsite', dbt.type_bigint()),
            ('idgoal', dbt.type_bigint()),
            ('name', dbt.type_string()),
            ('description', dbt.type_string()),
            ('match_attribute', dbt.type_string()),
            ('pattern', dbt.type_string()),
            ('pattern_type', dbt.type_string()),
            ('case_sensitive', dbt.type_bigint()),
            ('allow_multiple', dbt.type_bigint()),
            ('revenue', money_type()),
            ('deleted', dbt.type_bigint()),
            ('_dlt_load_id', dbt.type_string()),
        ]) }}
    from {{ source('matomo_raw', 'goals') }}

),

renamed as (

    select
        idsite as id_site,
        idgoal as goal_id,
        name as goal_name,
        nullif(description, '') as goal_description,
        match_attribute,
        pattern,
        pattern_type,
        coalesce(case_sensitive, 0) = 1 as is_case_sensitive,
        coalesce(allow_multiple, 0) = 1 as allows_multiple_conversions,
        coalesce(revenue, 0) as default_revenue,
        coalesce(deleted, 0) = 1 as is_deleted,
        _dlt_load_id as dlt_load_id
    from source

)

select * from renamed
