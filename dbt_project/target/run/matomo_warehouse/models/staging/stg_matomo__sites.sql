
  
  create view "corrupted"."matomo_staging"."stg_matomo__sites__dbt_tmp" as (
    -- One row per Matomo site. No joins.
with source as (

    select
        
        cast("idsite" as bigint) as "idsite",
        cast("name" as TEXT) as "name",
        cast("main_url" as TEXT) as "main_url",
        cast("timezone" as TEXT) as "timezone",
        cast("currency" as TEXT) as "currency",
        cast("ecommerce" as bigint) as "ecommerce",
        cast("sitesearch" as bigint) as "sitesearch",
        cast("type" as TEXT) as "type",
        cast("ts_created" as timestamp) as "ts_created",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id"
    from "corrupted"."matomo_raw"."sites"

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
  );
