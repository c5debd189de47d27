-- Ecommerce orders and abandoned carts per site and local day (Goals.get idGoal=ecommerceOrder /
-- ecommerceAbandonedCart): `kind` = order | abandoned_cart.
select
    site_id,
    period,
    date,
    case goal_id when 'ecommerceOrder' then 'order' else 'abandoned_cart' end as kind,
    nb_conversions,
    nb_visits_converted,
    revenue,
    revenue_subtotal,
    revenue_tax,
    revenue_shipping,
    revenue_discount,
    items,
    avg_order_revenue,
    conversion_rate
from {{ ref('metrics_goals') }}
where goal_id in ('ecommerceOrder', 'ecommerceAbandonedCart')
