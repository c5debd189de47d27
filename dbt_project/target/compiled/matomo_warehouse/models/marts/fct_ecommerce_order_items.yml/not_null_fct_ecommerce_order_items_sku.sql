
    
    



select sku
from "corrupted"."matomo"."fct_ecommerce_order_items"
where sku is null


