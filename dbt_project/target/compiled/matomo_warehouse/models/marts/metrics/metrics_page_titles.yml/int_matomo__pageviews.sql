
-- Fixture for int_matomo__pageviews
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", cast(null as BIGINT) as "pageview_number", 
    
    cast(2 as BIGINT)
 as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast('FAQ' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast(False as BOOLEAN)
 as "is_entry_page", 
    
    cast(False as BOOLEAN)
 as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(1 as BIGINT)
 as "action_position", cast(null as BIGINT) as "pageview_number", 
    
    cast(1 as BIGINT)
 as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast(null as character varying(256))
 as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast(True as BOOLEAN)
 as "is_entry_page", 
    
    cast(False as BOOLEAN)
 as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", cast(null as BIGINT) as "pageview_number", 
    
    cast(3 as BIGINT)
 as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast('Home' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast(False as BOOLEAN)
 as "is_entry_page", 
    
    cast(True as BOOLEAN)
 as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", cast(null as BIGINT) as "pageview_number", 
    
    cast(2 as BIGINT)
 as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast('Home' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast(True as BOOLEAN)
 as "is_entry_page", 
    
    cast(True as BOOLEAN)
 as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(1 as BIGINT)
 as "action_position", cast(null as BIGINT) as "pageview_number", 
    
    cast(1 as BIGINT)
 as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast('Home' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast(True as BOOLEAN)
 as "is_entry_page", 
    
    cast(False as BOOLEAN)
 as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "action_position", cast(null as BIGINT) as "pageview_number", 
    
    cast(2 as BIGINT)
 as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast(' ' as character varying)
 as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast(False as BOOLEAN)
 as "is_entry_page", 
    
    cast(False as BOOLEAN)
 as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", cast(null as BIGINT) as "pageview_number", 
    
    cast(3 as BIGINT)
 as "request_sequence", cast(null as TIMESTAMP) as "action_local_at", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast(null as character varying(256))
 as "page_title", cast(null as character varying(256)) as "pageview_id", 
    
    cast(False as BOOLEAN)
 as "is_entry_page", 
    
    cast(True as BOOLEAN)
 as "is_exit_page", cast(null as BIGINT) as "time_on_page_seconds", cast(null as BIGINT) as "page_load_time_milliseconds", cast(null as BIGINT) as "live_time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"