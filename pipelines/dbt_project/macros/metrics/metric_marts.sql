{#-
  The metric marts the reconciliation compares with Matomo's reports, one per line.
  Each declares in its yml `config.meta.matomo_metrics` (and `matomo_goal_column` for marts of
  per-goal metrics nested in Matomo's rows). Add a new metric mart here.
-#}
{% macro metric_marts() -%}
    {{ return([
        'metrics_visits_summary',
        'metrics_actions',
        'metrics_pages',
        'metrics_downloads_outlinks',
        'metrics_site_search',
        'metrics_events',
        'metrics_contents',
        'metrics_goals',
        'metrics_products',
        'metrics_custom_dimensions',
        'metrics_visit_dimensions',
        'metrics_visit_dimension_goals',
        'metrics_visit_frequency',
    ]) }}
{%- endmacro %}
