
-- Fixture for int_matomo__visits
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast('2026-10-05' as DATE)
 as "visit_date", cast(null as character varying(256)) as "timezone", cast(null as TIMESTAMP) as "first_action_local_at", cast(null as TIMESTAMP) as "last_action_local_at", cast(null as TIMESTAMP WITH TIME ZONE) as "first_action_at", cast(null as TIMESTAMP WITH TIME ZONE) as "last_action_at", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "entry_page_url", cast(null as character varying(256)) as "entry_page_title", cast(null as character varying(256)) as "exit_page_url", cast(null as character varying(256)) as "exit_page_title", cast(null as BIGINT) as "pageviews", 
    
    cast(3 as BIGINT)
 as "actions", 
    
    cast(71 as BIGINT)
 as "visit_duration_seconds", cast(null as BOOLEAN) as "is_bounce", cast(null as BOOLEAN) as "is_converted", cast(null as BIGINT) as "goal_conversions", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as BIGINT) as "truncated_actions_count", cast(null as BOOLEAN) as "is_truncated", cast(null as DATE) as "loader_visit_date", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast('2026-10-05' as DATE)
 as "visit_date", cast(null as character varying(256)) as "timezone", cast(null as TIMESTAMP) as "first_action_local_at", cast(null as TIMESTAMP) as "last_action_local_at", cast(null as TIMESTAMP WITH TIME ZONE) as "first_action_at", cast(null as TIMESTAMP WITH TIME ZONE) as "last_action_at", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "entry_page_url", cast(null as character varying(256)) as "entry_page_title", cast(null as character varying(256)) as "exit_page_url", cast(null as character varying(256)) as "exit_page_title", cast(null as BIGINT) as "pageviews", 
    
    cast(2 as BIGINT)
 as "actions", 
    
    cast(6 as BIGINT)
 as "visit_duration_seconds", cast(null as BOOLEAN) as "is_bounce", cast(null as BOOLEAN) as "is_converted", cast(null as BIGINT) as "goal_conversions", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as BIGINT) as "truncated_actions_count", cast(null as BOOLEAN) as "is_truncated", cast(null as DATE) as "loader_visit_date", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast('2026-10-05' as DATE)
 as "visit_date", cast(null as character varying(256)) as "timezone", cast(null as TIMESTAMP) as "first_action_local_at", cast(null as TIMESTAMP) as "last_action_local_at", cast(null as TIMESTAMP WITH TIME ZONE) as "first_action_at", cast(null as TIMESTAMP WITH TIME ZONE) as "last_action_at", cast(null as character varying(256)) as "visitor_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "visitor_type", cast(null as BIGINT) as "visit_count", cast(null as BIGINT) as "days_since_first_visit", cast(null as BIGINT) as "days_since_last_visit", cast(null as character varying(256)) as "entry_page_url", cast(null as character varying(256)) as "entry_page_title", cast(null as character varying(256)) as "exit_page_url", cast(null as character varying(256)) as "exit_page_title", cast(null as BIGINT) as "pageviews", 
    
    cast(3 as BIGINT)
 as "actions", 
    
    cast(50 as BIGINT)
 as "visit_duration_seconds", cast(null as BOOLEAN) as "is_bounce", cast(null as BOOLEAN) as "is_converted", cast(null as BIGINT) as "goal_conversions", cast(null as character varying(256)) as "ecommerce_status", cast(null as DECIMAL(38,9)) as "ecommerce_revenue", cast(null as BIGINT) as "ecommerce_conversions", cast(null as BIGINT) as "ecommerce_items", cast(null as character varying(256)) as "referrer_type", cast(null as character varying(256)) as "referrer_name", cast(null as character varying(256)) as "referrer_keyword", cast(null as character varying(256)) as "referrer_url", cast(null as character varying(256)) as "device_type", cast(null as character varying(256)) as "device_brand", cast(null as character varying(256)) as "device_model", cast(null as character varying(256)) as "operating_system_code", cast(null as character varying(256)) as "operating_system_name", cast(null as character varying(256)) as "browser_code", cast(null as character varying(256)) as "browser_name", cast(null as character varying(256)) as "resolution", cast(null as character varying(256)) as "language_code", cast(null as character varying(256)) as "continent_code", cast(null as character varying(256)) as "country_code", cast(null as character varying(256)) as "region_code", cast(null as character varying(256)) as "city", cast(null as BIGINT) as "truncated_actions_count", cast(null as BOOLEAN) as "is_truncated", cast(null as DATE) as "loader_visit_date", cast(null as character varying(256)) as "dlt_load_id"