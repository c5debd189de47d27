
-- Fixture for stg_matomo__ecommerce_items
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(10 as BIGINT)
 as "id_visit", 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast(1 as BIGINT)
 as "item_position", cast(null as character varying(256)) as "raw_action_type", cast(null as character varying(256)) as "order_id", cast(null as character varying(256)) as "sku", cast(null as character varying(256)) as "item_name", cast(null as character varying(256)) as "item_category", 
    
    cast('["Shoes", "Boots"]' as VARCHAR[])
 as "item_categories", cast(null as DECIMAL(38,9)) as "price", cast(null as BIGINT) as "quantity", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(10 as BIGINT)
 as "id_visit", 
    
    cast(5 as BIGINT)
 as "action_position", 
    
    cast(2 as BIGINT)
 as "item_position", cast(null as character varying(256)) as "raw_action_type", cast(null as character varying(256)) as "order_id", cast(null as character varying(256)) as "sku", cast(null as character varying(256)) as "item_name", cast(null as character varying(256)) as "item_category", 
    
    cast('["Accessories", "Socks"]' as VARCHAR[])
 as "item_categories", cast(null as DECIMAL(38,9)) as "price", cast(null as BIGINT) as "quantity", cast(null as character varying(256)) as "dlt_load_id"
union all
select 
    
    cast(1 as BIGINT)
 as "id_site", 
    
    cast(11 as BIGINT)
 as "id_visit", 
    
    cast(3 as BIGINT)
 as "action_position", 
    
    cast(1 as BIGINT)
 as "item_position", cast(null as character varying(256)) as "raw_action_type", cast(null as character varying(256)) as "order_id", cast(null as character varying(256)) as "sku", cast(null as character varying(256)) as "item_name", cast(null as character varying(256)) as "item_category", 
    
    cast('["Shoes", "Boots"]' as VARCHAR[])
 as "item_categories", cast(null as DECIMAL(38,9)) as "price", cast(null as BIGINT) as "quantity", cast(null as character varying(256)) as "dlt_load_id"