
-- Fixture for int_metrics__periods
select 
    
    cast(1 as BIGINT)
 as "site_id", 
    
    cast('day' as character varying)
 as "period", 
    
    cast('2026-10-05' as DATE)
 as "date", 
    
    cast('2026-10-05' as DATE)
 as "day"