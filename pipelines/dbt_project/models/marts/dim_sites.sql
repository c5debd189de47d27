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
from {{ ref('stg_matomo__sites') }}
