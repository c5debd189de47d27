
  
  create view "corrupted"."matomo_staging"."stg_matomo__load_audit__dbt_tmp" as (
    -- One row per (site, local day) the loader read. No joins.
with source as (

    select
        
        cast("id_site" as bigint) as "id_site",
        cast("visit_date" as date) as "visit_date",
        cast("is_final" as boolean) as "is_final",
        cast("pages" as bigint) as "pages",
        cast("visits" as bigint) as "visits",
        cast("actions" as bigint) as "actions",
        cast("duplicate_visits" as bigint) as "duplicate_visits",
        cast("other_day_visits" as bigint) as "other_day_visits",
        cast("truncated_visits" as bigint) as "truncated_visits",
        cast("loaded_at" as timestamp) as "loaded_at",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id"
    from "corrupted"."matomo_raw"."load_audit"

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
  );
