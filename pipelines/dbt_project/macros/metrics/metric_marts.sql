{#-
  The metric marts the reconciliation compares with Matomo's reports, one per line.
  Each declares in its yml `config.meta.matomo_metrics` (and `matomo_goal_column` for marts of
  per-goal metrics nested in Matomo's rows). Add a new metric mart here.
-#}
{% macro metric_marts() -%}
    {{ return([
        'metrics_visits_summary',
        'metrics_actions',
        'metrics_page_urls',
        'metrics_page_titles',
        'metrics_events',
        'metrics_goals',
        'metrics_products',
    ]) }}
{%- endmacro %}
