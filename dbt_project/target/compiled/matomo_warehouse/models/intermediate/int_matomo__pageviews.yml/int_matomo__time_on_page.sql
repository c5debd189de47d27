
-- Fixture for int_matomo__time_on_page
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
 as "page_type", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "title_action_position", cast(null as character varying(256)) as "title_page_type", cast(null as DATE) as "title_action_local_date", cast(null as character varying(256)) as "title_page_title", 
    
    cast(10 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(4 as BIGINT)
 as "credited_by_position", 
    
    cast(1 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "title_action_position", cast(null as character varying(256)) as "title_page_type", cast(null as DATE) as "title_action_local_date", cast(null as character varying(256)) as "title_page_title", 
    
    cast(5 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(5 as BIGINT)
 as "credited_by_position", 
    
    cast(4 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "title_action_position", cast(null as character varying(256)) as "title_page_type", cast(null as DATE) as "title_action_local_date", cast(null as character varying(256)) as "title_page_title", 
    
    cast(7 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(6 as BIGINT)
 as "credited_by_position", 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast('site_search' as character varying)
 as "page_type", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "title_action_position", cast(null as character varying(256)) as "title_page_type", cast(null as DATE) as "title_action_local_date", cast(null as character varying(256)) as "title_page_title", 
    
    cast(40 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(8 as BIGINT)
 as "credited_by_position", 
    
    cast(6 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "title_action_position", cast(null as character varying(256)) as "title_page_type", cast(null as DATE) as "title_action_local_date", cast(null as character varying(256)) as "title_page_title", 
    
    cast(2 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(1 as BIGINT)
 as "id_visit", 
    
    cast(9 as BIGINT)
 as "credited_by_position", 
    
    cast(6 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "title_action_position", cast(null as character varying(256)) as "title_page_type", cast(null as DATE) as "title_action_local_date", cast(null as character varying(256)) as "title_page_title", 
    
    cast(1800 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(2 as BIGINT)
 as "id_visit", 
    
    cast(10 as BIGINT)
 as "credited_by_position", 
    
    cast(9 as BIGINT)
 as "action_position", 
    
    cast('pageview' as character varying)
 as "page_type", cast(null as DATE) as "action_local_date", cast(null as character varying(256)) as "url", cast(null as character varying(256)) as "page_title", cast(null as BIGINT) as "title_action_position", cast(null as character varying(256)) as "title_page_type", cast(null as DATE) as "title_action_local_date", cast(null as character varying(256)) as "title_page_title", 
    
    cast(99 as BIGINT)
 as "time_spent_seconds", cast(null as character varying(256)) as "dlt_load_id"