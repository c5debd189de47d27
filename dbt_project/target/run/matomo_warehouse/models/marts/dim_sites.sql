
    

    create  table
      "corrupted"."matomo"."dim_sites__dbt_tmp"
  
    
    as (
      -- One row per Matomo site.
select
    id_site as site_id,
    site_name,
    main_url,
    timezone,
    currency,
    is_ecommerce,
    has_site_search,
    site_type,
    created_at
from "corrupted"."matomo_staging"."stg_matomo__sites"
    );
    
  