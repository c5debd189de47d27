-- One row per Reporting API request the loader made (site, method, period, date, segment,
-- params), with the rows it returned. No joins; empty until a run loaded reports.
with source as (

    
    select 
        cast("id_site" as bigint) as "id_site",
        cast("method" as TEXT) as "method",
        cast("period" as TEXT) as "period",
        cast("date" as date) as "date",
        cast("segment" as TEXT) as "segment",
        cast("report_params" as TEXT) as "report_params",
        cast("row_count" as bigint) as "row_count",
        cast("loaded_at" as timestamp) as "loaded_at",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id"
    from "corrupted"."matomo_raw"."report_loads"

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