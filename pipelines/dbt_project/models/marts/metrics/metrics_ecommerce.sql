{{ config(materialized='view') }}
-- Ecommerce orders and abandoned carts per site and period: the Goals.get?idGoal=ecommerceOrder /
-- ecommerceAbandonedCart rows of metrics_goals (goal_id 0, `kind` order / -1, abandoned_cart),
-- a convenience view for BI; the reconciliation compares these cells in metrics_goals.
{%- set metrics = [] %}
{%- for suffix in ['', '_new_visit', '_returning_visit'] %}
{%- for metric in ['nb_conversions', 'nb_visits_converted', 'revenue', 'revenue_subtotal', 'revenue_tax',
                   'revenue_shipping', 'revenue_discount', 'items', 'avg_order_revenue', 'conversion_rate'] %}
{%- do metrics.append(metric ~ suffix) %}
{%- endfor %}
{%- endfor %}
select
    g.site_id,
    g.period,
    g.date,
    g.matomo_report,
    g.label,
    g.goal_id,
    case g.goal_id when 0 then 'order' else 'abandoned_cart' end as kind,
    {%- for metric in metrics %}
    g.{{ metric }},
    {%- endfor %}
    g.dlt_load_id
from {{ ref('metrics_goals') }} as g
where g.goal_id in (0, -1)
