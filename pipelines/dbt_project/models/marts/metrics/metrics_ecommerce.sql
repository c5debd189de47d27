{{ config(materialized='view') }}
-- Ecommerce orders and abandoned carts per site and period: the Goals.get?idGoal=ecommerceOrder /
-- ecommerceAbandonedCart rows of metrics_goals (goal_id 0, `kind` order / -1, abandoned_cart),
-- a convenience view for BI; the reconciliation compares these cells in metrics_goals.
select
    g.*,
    case g.goal_id when 0 then 'order' else 'abandoned_cart' end as kind
from {{ ref('metrics_goals') }} as g
where g.goal_id in (0, -1)
