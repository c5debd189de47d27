
-- Fixture for int_matomo__time_on_page
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "credited_by_position", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast('FAQ' as character varying)
 as "page_title", 
    
    cast(2 as BIGINT)
 as "title_action_position", 
    
    cast('pageview' as character varying)
 as "title_page_type", 
    
    cast('2026-10-05' as DATE)
 as "title_action_local_date", 
    
    cast('FAQ' as character varying)
 as "title_page_title", 
    
    cast(40 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "credited_by_position", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast(null as character varying(256))
 as "page_title", 
    
    cast(null as BIGINT)
 as "title_action_position", 
    
    cast(null as character varying(256))
 as "title_page_type", 
    
    cast(null as DATE)
 as "title_action_local_date", 
    
    cast(null as character varying(256))
 as "title_page_title", 
    
    cast(30 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(2 as BIGINT)
 as "credited_by_position", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast('Home' as character varying)
 as "page_title", 
    
    cast(1 as BIGINT)
 as "title_action_position", 
    
    cast('pageview' as character varying)
 as "title_page_type", 
    
    cast('2026-10-05' as DATE)
 as "title_action_local_date", 
    
    cast('Home' as character varying)
 as "title_page_title", 
    
    cast(20 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(3 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "credited_by_position", 
    
    cast(2 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", 
    
    cast('2026-10-05' as DATE)
 as "action_local_date", cast(null as character varying(256)) as "url", 
    
    cast(' ' as character varying)
 as "page_title", 
    
    cast(1 as BIGINT)
 as "title_action_position", 
    
    cast('pageview' as character varying)
 as "title_page_type", 
    
    cast('2026-10-05' as DATE)
 as "title_action_local_date", 
    
    cast('Home' as character varying)
 as "title_page_title", 
    
    cast(30 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"