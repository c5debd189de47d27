
-- Fixture for stg_matomo__visits
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", cast(null as DATE) as "loader_visit_date", 
    
    cast('Asia/Kolkata' as character varying)
 as "site_timezone", 
    
    cast(1791223200 as BIGINT)
 as "first_action_epoch", 
    
    cast(1791225900 as BIGINT)
 as "last_action_epoch", 
    
    cast(2700 as BIGINT)
 as "visit_duration_seconds", 
    
    cast(2 as BIGINT)
 as "actions", cast(null as BIGINT) as "interactions", cast(null as BIGINT) as "searches", cast(null as BIGINT) as "events", cast(null as BIGINT) as "goal_conversions", 
    
    cast(False as BOOLEAN)
 as "is_converted", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as BIGINT) as "abandoned_carts", cast(null as DECIMAL(38,9)) as "abandoned_carts_revenue", cast(null as BIGINT) as "abandoned_carts_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as FLOAT) as "latitude", cast(null as FLOAT) as "longitude", cast(null as BIGINT) as "truncated_actions_count", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(2 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", cast(null as DATE) as "loader_visit_date", 
    
    cast('Asia/Kolkata' as character varying)
 as "site_timezone", 
    
    cast(1791223200 as BIGINT)
 as "first_action_epoch", 
    
    cast(1791223200 as BIGINT)
 as "last_action_epoch", 
    
    cast(0 as BIGINT)
 as "visit_duration_seconds", 
    
    cast(1 as BIGINT)
 as "actions", cast(null as BIGINT) as "interactions", cast(null as BIGINT) as "searches", cast(null as BIGINT) as "events", cast(null as BIGINT) as "goal_conversions", 
    
    cast(False as BOOLEAN)
 as "is_converted", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as BIGINT) as "abandoned_carts", cast(null as DECIMAL(38,9)) as "abandoned_carts_revenue", cast(null as BIGINT) as "abandoned_carts_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as FLOAT) as "latitude", cast(null as FLOAT) as "longitude", cast(null as BIGINT) as "truncated_actions_count", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", cast(null as DATE) as "loader_visit_date", 
    
    cast('America/New_York' as character varying)
 as "site_timezone", 
    
    cast(1791257400 as BIGINT)
 as "first_action_epoch", 
    
    cast(1791257400 as BIGINT)
 as "last_action_epoch", 
    
    cast(0 as BIGINT)
 as "visit_duration_seconds", 
    
    cast(1 as BIGINT)
 as "actions", cast(null as BIGINT) as "interactions", cast(null as BIGINT) as "searches", cast(null as BIGINT) as "events", cast(null as BIGINT) as "goal_conversions", 
    
    cast(True as BOOLEAN)
 as "is_converted", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as BIGINT) as "abandoned_carts", cast(null as DECIMAL(38,9)) as "abandoned_carts_revenue", cast(null as BIGINT) as "abandoned_carts_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as FLOAT) as "latitude", cast(null as FLOAT) as "longitude", cast(null as BIGINT) as "truncated_actions_count", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(4 as BIGINT)
 as "id_visit", cast(null as DATE) as "loader_visit_date", 
    
    cast('America/New_York' as character varying)
 as "site_timezone", 
    
    cast(1793507400 as BIGINT)
 as "first_action_epoch", 
    
    cast(1793507400 as BIGINT)
 as "last_action_epoch", 
    
    cast(0 as BIGINT)
 as "visit_duration_seconds", 
    
    cast(3 as BIGINT)
 as "actions", cast(null as BIGINT) as "interactions", cast(null as BIGINT) as "searches", cast(null as BIGINT) as "events", cast(null as BIGINT) as "goal_conversions", 
    
    cast(False as BOOLEAN)
 as "is_converted", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as BIGINT) as "abandoned_carts", cast(null as DECIMAL(38,9)) as "abandoned_carts_revenue", cast(null as BIGINT) as "abandoned_carts_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as FLOAT) as "latitude", cast(null as FLOAT) as "longitude", cast(null as BIGINT) as "truncated_actions_count", cast(null as character varying(256)) as "dlt_load_id"