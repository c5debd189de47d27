-- Ecommerce orders and abandoned carts per site and local day (Goals.get idGoal=ecommerceOrder /
-- ecommerceAbandonedCart): goal_id 0 (`kind` order) or -1 (`kind` abandoned_cart).
select
    site_id,
    period,
    date,
    goal_id,
    case goal_id when 0 then 'order' else 'abandoned_cart' end as kind,
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
from "corrupted"."matomo"."metrics_goals"
where goal_id in (0, -1)