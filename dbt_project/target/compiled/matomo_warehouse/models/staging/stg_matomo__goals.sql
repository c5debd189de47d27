-- One row per goal of a site. No joins.
with source as (

    select
        
        cast("idsite" as bigint) as "idsite",
        cast("idgoal" as bigint) as "idgoal",
        cast("name" as TEXT) as "name",
        cast("description" as TEXT) as "description",
        cast("match_attribute" as TEXT) as "match_attribute",
        cast("pattern" as TEXT) as "pattern",
        cast("pattern_type" as TEXT) as "pattern_type",
        cast("case_sensitive" as bigint) as "case_sensitive",
        cast("allow_multiple" as bigint) as "allow_multiple",
        cast("revenue" as numeric(38, 9)) as "revenue",
        cast("deleted" as bigint) as "deleted",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id"
    from "corrupted"."matomo_raw"."goals"

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