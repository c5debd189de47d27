{{ config(materialized='table') }}
/*
  Every Reporting API table (sources matomo_raw.report_*, each with `meta.matomo_method` in
  _sources.yml) as long rows: one row per (report row, metric), the value as a double, NULL
  kept as NULL (a metric Matomo did not send for that row is NULL, never 0).

  - matomo_report: the method plus its identifying params, `Method` or `Method?report_params`
    (the metric-mart contract's key);
  - metrics: the report table's numeric columns, and the per-goal metrics Matomo nests in a
    row's `goals` object, flattened to `goals.<key>.<metric>` (e.g. `goals.idgoal=1.revenue`;
    goal_key / goal_metric hold the two parts);
  - row_segment: Matomo's per-row `segment` (e.g. `countryCode==us`), NULL when none.

  A report table no run loaded yet does not exist and gives no rows. A table, not a view:
  the reconciliation reads it once per metric mart.
*/
{%- set keys = [
    ('id_site', dbt.type_bigint()),
    ('period', dbt.type_string()),
    ('date', 'date'),
    ('segment', dbt.type_string()),
    ('report_params', dbt.type_string()),
    ('label', dbt.type_string()),
    ('is_summary_row', dbt.type_boolean()),
    ('row_segment', dbt.type_string()),
    ('_dlt_id', dbt.type_string()),
    ('_dlt_load_id', dbt.type_string()),
] %}
{%- set key_names = keys | map('first') | list %}

with report_rows as (

    {%- for table, method in report_sources() %}
    {%- set relation = existing_relation(source('matomo_raw', table)) %}
    {%- set metrics = report_metric_columns(relation, key_names) %}
    {%- if relation is not none and metrics %}
    select
        '{{ table }}' as report_table,
        '{{ method }}' as matomo_method,
        {{ select_source_columns(relation, keys) }},
        cast(null as {{ dbt.type_string() }}) as goal_key,
        m.metric as goal_metric,
        m.metric,
        case m.metric
            {%- for metric in metrics %}
            when '{{ metric }}' then cast({{ adapter.quote(metric) }} as double precision)
            {%- endfor %}
        end as metric_value
    from {{ source('matomo_raw', table) }}
    cross join (
        values {% for metric in metrics %}('{{ metric }}'){{ ', ' if not loop.last }}{% endfor %}
    ) as m (metric)
    {%- if 'goals' in source_column_names(relation) %}
    union all
    select
        '{{ table }}' as report_table,
        '{{ method }}' as matomo_method,
        g.*
    from ({{ report_goal_cells(source('matomo_raw', table), keys) }}) as g
    {%- endif %}
    {%- else %}
    select
        '{{ table }}' as report_table,
        '{{ method }}' as matomo_method,
        {%- for name, data_type in keys %}
        cast(null as {{ data_type }}) as {{ name }},
        {%- endfor %}
        cast(null as {{ dbt.type_string() }}) as goal_key,
        cast(null as {{ dbt.type_string() }}) as goal_metric,
        cast(null as {{ dbt.type_string() }}) as metric,
        cast(null as double precision) as metric_value
    where false
    {%- endif %}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

)

select
    report_table,
    matomo_method,
    case
        when coalesce(report_params, '') = '' then matomo_method
        else {{ dbt.concat(['matomo_method', "'?'", 'report_params']) }}
    end as matomo_report,
    id_site,
    period,
    date as period_date,
    coalesce(segment, '') as segment,
    coalesce(report_params, '') as report_params,
    label,
    coalesce(is_summary_row, false) as is_summary_row,
    row_segment,
    _dlt_id as report_row_id,
    goal_key,
    goal_metric,
    metric,
    metric_value,
    _dlt_load_id as dlt_load_id
from report_rows
