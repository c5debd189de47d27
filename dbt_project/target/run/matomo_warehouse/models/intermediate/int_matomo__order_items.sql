
    

    create  table
      "corrupted"."matomo_intermediate"."int_matomo__order_items__dbt_tmp"
  
    
    as (
      /*
  One row per item of an ecommerce order, on the order's site-local date (product reports
  count items on the day of the conversion).
*/
with items as (

    select * from "corrupted"."matomo_staging"."stg_matomo__ecommerce_items"

),

orders as (

    select * from "corrupted"."matomo_intermediate"."int_matomo__ecommerce_orders"

),

final as (

    select
        i.id_site,
        i.id_visit,
        i.action_position,
        i.item_position,
        o.order_id,
        o.order_date,
        o.ordered_local_at,
        i.sku,
        i.item_name,
        i.item_category,
        i.price,
        i.quantity,
        i.price * i.quantity as revenue,
        i.dlt_load_id
    from items as i
    inner join orders as o
        on o.id_site = i.id_site
        and o.id_visit = i.id_visit
        and o.action_position = i.action_position

)

select * from final
    );
    
  