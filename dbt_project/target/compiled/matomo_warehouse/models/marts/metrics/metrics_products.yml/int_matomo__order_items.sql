
-- Fixture for int_matomo__order_items
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(10 as BIGINT)
 as "id_visit", 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast(1 as BIGINT)
 as "item_position", 
    
    cast('A' as character varying)
 as "order_id", 
    
    cast('2026-10-05' as DATE)
 as "order_date", cast(null as TIMESTAMP) as "ordered_local_at", 
    
    cast('BOOT' as character varying)
 as "sku", 
    
    cast('Boot' as character varying)
 as "item_name", 
    
    cast('Shoes' as character varying)
 as "item_category", 
    
    cast(129 as DECIMAL(38,9))
 as "price", 
    
    cast(2 as BIGINT)
 as "quantity", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(10 as BIGINT)
 as "id_visit", 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast(2 as BIGINT)
 as "item_position", 
    
    cast('A' as character varying)
 as "order_id", 
    
    cast('2026-10-05' as DATE)
 as "order_date", cast(null as TIMESTAMP) as "ordered_local_at", 
    
    cast('SOCK' as character varying)
 as "sku", 
    
    cast('Socks' as character varying)
 as "item_name", 
    
    cast('Accessories' as character varying)
 as "item_category", 
    
    cast(12.99 as DECIMAL(38,9))
 as "price", 
    
    cast(1 as BIGINT)
 as "quantity", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(11 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast(1 as BIGINT)
 as "item_position", 
    
    cast('B' as character varying)
 as "order_id", 
    
    cast('2026-10-05' as DATE)
 as "order_date", cast(null as TIMESTAMP) as "ordered_local_at", 
    
    cast('BOOT' as character varying)
 as "sku", 
    
    cast('Boot' as character varying)
 as "item_name", 
    
    cast('Shoes' as character varying)
 as "item_category", 
    
    cast(119 as DECIMAL(38,9))
 as "price", 
    
    cast(1 as BIGINT)
 as "quantity", cast(null as DECIMAL(38,9)) as "revenue", cast(null as character varying(256)) as "dlt_load_id"