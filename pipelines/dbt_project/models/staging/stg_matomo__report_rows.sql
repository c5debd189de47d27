{{ config(materialized='table') }}
/*
  The Reporting API report tables the reconciliation compares, as long rows: one row per
  (report row, metric) with the metric's value as a double. No joins.

  A report table has one row per (site, period, date, segment, report_params, label) and one
  column per metric, created by the loader only once a value was seen; a table no run loaded
  yet does not exist and gives no rows. A table, not a view: reconciliation reads it once per
  report.
*/
{%- set report_tables = [
    'report_visits_summary_get',
    'report_actions_get',
    'report_actions_get_page_urls',
    'report_actions_get_page_titles',
    'report_events_get_category',
    'report_events_get_action',
    'report_events_get_name',
    'report_goals_get',
    'report_goals_get_items_sku',
    'report_goals_get_items_name',
    'report_goals_get_items_category',
] %}
{%- set keys = [
    ('id_site', dbt.type_bigint()),
    ('period', dbt.type_string()),
    ('date', 'date'),
    ('segment', dbt.type_string()),
    ('report_params', dbt.type_string()),
    ('label', dbt.type_string()),
    ('is_summary_row', dbt.type_boolean()),
    ('_dlt_id', dbt.type_string()),
    ('_dlt_load_id', dbt.type_string()),
] %}

with report_rows as (

    {%- for table in report_tables %}
    {%- set relation = existing_relation(source('matomo_raw', table)) %}
    {%- set metrics = report_metric_columns(relation, keys | map('first') | list) %}
    {%- if relation is not none and metrics %}
    select
        '{{ table }}' as report_table,
        {{ select_source_columns(relation, keys) }},
        unnest(['{{ metrics | join("', '") }}']) as metric,
        unnest([
            {%- for m in metrics %}cast({{ adapter.quote(m) }} as double){{ ", " if not loop.last }}{% endfor -%}
        ]) as metric_value
    from {{ source('matomo_raw', table) }}
    {%- else %}
    select
        '{{ table }}' as report_table,
        {%- for name, data_type in keys %}
        cast(null as {{ data_type }}) as {{ name }},
        {%- endfor %}
        cast(null as {{ dbt.type_string() }}) as metric,
        cast(null as double) as metric_value
    where false
    {%- endif %}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

)

select
    report_table,
    id_site,
    period,
    date as period_date,
    coalesce(segment, '') as segment,
    coalesce(report_params, '') as report_params,
    label,
    coalesce(is_summary_row, false) as is_summary_row,
    _dlt_id as report_row_id,
    metric,
    metric_value,
    _dlt_load_id as dlt_load_id
from report_rows
