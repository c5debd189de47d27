
-- Fixture for stg_matomo__sites
select 
    
    cast(1 as BIGINT)
 as "id_site", cast(null as character varying(256)) as "site_name", cast(null as character varying(256)) as "main_url", 
    
    cast('America/New_York' as character varying)
 as "timezone", cast(null as character varying(256)) as "currency", cast(null as BOOLEAN) as "is_ecommerce", cast(null as BOOLEAN) as "has_site_search", cast(null as character varying(256)) as "site_type", cast(null as TIMESTAMP) as "created_at", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(2 as BIGINT)
 as "id_site", cast(null as character varying(256)) as "site_name", cast(null as character varying(256)) as "main_url", 
    
    cast('Asia/Kolkata' as character varying)
 as "timezone", cast(null as character varying(256)) as "currency", cast(null as BOOLEAN) as "is_ecommerce", cast(null as BOOLEAN) as "has_site_search", cast(null as character varying(256)) as "site_type", cast(null as TIMESTAMP) as "created_at", cast(null as character varying(256)) as "dlt_load_id"