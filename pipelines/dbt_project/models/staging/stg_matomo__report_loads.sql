-- One row per Reporting API request the loader made (site, method, period, date, segment,
-- params), with the rows it returned. No joins; empty until a run loaded reports.
with source as (

    {{ select_source_or_empty(source('matomo_raw', 'report_loads'), [
        ('id_site', dbt.type_bigint()),
        ('method', dbt.type_string()),
        ('period', dbt.type_string()),
        ('date', 'date'),
        ('segment', dbt.type_string()),
        ('report_params', dbt.type_string()),
        ('row_count', dbt.type_bigint()),
        ('loaded_at', dbt.type_timestamp()),
        ('_dlt_load_id', dbt.type_string()),
    ]) }}

),

renamed as (

    select
        id_site,
        method,
        period,
        date as period_date,
        coalesce(segment, '') as segment,
        coalesce(report_params, '') as report_params,
        row_count,
        loaded_at,
        _dlt_load_id as dlt_load_id
    from source

)

select * from renamed
