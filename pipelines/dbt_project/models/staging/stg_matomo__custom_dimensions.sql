-- One row per configured custom dimension of a site (CustomDimensions.getConfiguredCustomDimensions).
-- No joins. No rows when the loader never saw any (the plugin is not available, no dimension).
with source as (

    {{ select_source_or_empty(source('matomo_raw', 'custom_dimensions'), [
        ('idsite', dbt.type_bigint()),
        ('idcustomdimension', dbt.type_bigint()),
        ('name', dbt.type_string()),
        ('scope', dbt.type_string()),
        ('index', dbt.type_bigint()),
        ('active', dbt.type_boolean()),
        ('case_sensitive', dbt.type_boolean()),
        ('_dlt_load_id', dbt.type_string()),
    ]) }}

),

renamed as (

    select
        idsite as id_site,
        idcustomdimension as dimension_id,
        name as dimension_name,
        scope as dimension_scope,
        {{ adapter.quote('index') }} as dimension_index,
        coalesce(active, false) as is_active,
        coalesce(case_sensitive, false) as is_case_sensitive,
        _dlt_load_id as dlt_load_id
    from source

)

select * from renamed
