{#-
  Helpers of stg_matomo__report_rows and the reconciliation model.
-#}

{#- (table, method) of every Reporting API table of source matomo_raw: the tables whose yml
    declares `meta.matomo_method` (_sources.yml). Empty at parse time (the graph is not built
    yet); the staging model then selects no table, which dbt only parses. -#}
{% macro report_sources() -%}
    {%- set found = [] -%}
    {%- if not execute -%}{{ return(found) }}{%- endif -%}
    {%- for node in graph.sources.values() if node.source_name == 'matomo_raw' -%}
        {%- set method = (node.meta or {}).get('matomo_method') or (node.config.meta or {}).get('matomo_method') -%}
        {%- if method -%}{%- do found.append((node.name, method)) -%}{%- endif -%}
    {%- endfor -%}
    {{ return(found | sort) }}
{%- endmacro %}

{#- Lower-case column names of a relation ([] when none or at parse time). -#}
{% macro source_column_names(relation) -%}
    {%- if not execute or relation is none -%}{{ return([]) }}{%- endif -%}
    {{ return(adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list) }}
{%- endmacro %}

{#- The per-goal metrics Matomo nests in a report row's `goals` JSON object
    ({"idgoal=1": {"nb_conversions": 2, "revenue": 5, ...}, ...}) as long rows: the `keys`
    columns, goal_key ('idgoal=1'), goal_metric ('revenue'), metric ('goals.idgoal=1.revenue')
    and metric_value (double; numbers and numeric strings, the `idgoal` echo left out). -#}
{% macro report_goal_cells(relation, keys) -%}
    {{ return(adapter.dispatch('report_goal_cells', 'matomo_warehouse')(relation, keys)) }}
{%- endmacro %}

{% macro duckdb__report_goal_cells(relation, keys) -%}
    select
        {%- for name, data_type in keys %}
        t.{{ adapter.quote(name) }},
        {%- endfor %}
        g.key as goal_key,
        v.key as goal_metric,
        {{ dbt.concat(["'goals.'", 'g.key', "'.'", 'v.key']) }} as metric,
        try_cast(v.value ->> '$' as double) as metric_value
    from (
        select {{ select_source_columns(relation, keys) }}, cast(goals as json) as goals
        from {{ relation }}
        where goals is not null
    ) as t,
        json_each(t.goals) as g,
        json_each(g.value) as v
    where json_type(g.value) = 'OBJECT' and v.key <> 'idgoal'
{%- endmacro %}

{% macro default__report_goal_cells(relation, keys) -%}
    select
        {%- for name, data_type in keys %}
        t.{{ adapter.quote(name) }},
        {%- endfor %}
        g.key as goal_key,
        v.key as goal_metric,
        {{ dbt.concat(["'goals.'", 'g.key', "'.'", 'v.key']) }} as metric,
        case when (v.value #>> '{}') ~ '^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$'
            then cast(v.value #>> '{}' as double precision) end as metric_value
    from (
        select {{ select_source_columns(relation, keys) }}, cast(goals as jsonb) as goals
        from {{ relation }}
        where goals is not null
    ) as t
    cross join lateral jsonb_each(case when jsonb_typeof(t.goals) = 'object' then t.goals else '{}' end) as g
    cross join lateral jsonb_each(case when jsonb_typeof(g.value) = 'object' then g.value else '{}' end) as v
    where v.key <> 'idgoal'
{%- endmacro %}

{#- A metric an `Others` row adds up: not a rate, average, ratio, minimum or maximum, nor a
    unique count (Matomo drops nb_uniq_visitors / nb_users & co. from day-level summary rows,
    so a week's Others lacks the uniques of the days' folded rows; checked on public-shapes). -#}
{% macro is_additive_metric(metric_sql) -%}
    not ({{ metric_sql }} like '%rate%' or {{ metric_sql }} like '%avg%' or {{ metric_sql }} like '%\_per\_%' escape '\'
         or {{ metric_sql }} like '%max\_%' escape '\' or {{ metric_sql }} like '%min\_%' escape '\'
         or {{ metric_sql }} like '%ratio%' or {{ metric_sql }} like '%uniq%' or {{ metric_sql }} like '%nb\_users%' escape '\')
{%- endmacro %}

{#- Matomo's rounding: equal when within float noise (1e-6 relative); money and event values
    within half a cent (0.005): Matomo sums them as PHP floats (609.1099999999999) where the
    marts keep DECIMAL(18, 2). -#}
{% macro matomo_equal(metric_sql, a, b) -%}
    (abs({{ a }} - {{ b }}) <= 1e-6 * greatest(1, abs({{ a }}), abs({{ b }}))
     or ((({{ metric_sql }}) like '%revenue%' or ({{ metric_sql }}) like '%price%'
          or ({{ metric_sql }}) like '%event\_value%' escape '\')
         and abs({{ a }} - {{ b }}) < 0.005))
{%- endmacro %}

{#- The compared metrics of a metric mart, read from the graph at execution:
    (matomo_metrics, matomo_goal_column). ([], none) at parse time or without the meta. -#}
{% macro mart_contract(mart) -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.name == mart -%}
            {%- set meta = node.config.meta or node.meta or {} -%}
            {{ return((meta.get('matomo_metrics') or [], meta.get('matomo_goal_column'))) }}
        {%- endfor -%}
    {%- endif -%}
    {{ return(([], none)) }}
{%- endmacro %}

{#- A metric mart's compared cells as long rows (site_id, period, date, matomo_report, label,
    metric, value); per-goal marts name the metric `goals.idgoal=<goal>.<metric>` like
    stg_matomo__report_rows. Returns a SELECT (union of one SELECT per metric). -#}
{% macro mart_cells(mart, metrics, goal_column) -%}
    {%- for m in metrics %}
    select
        site_id, period, date, matomo_report, label,
        {%- if goal_column %}
        {%- set goal = 'cast(' ~ adapter.quote(goal_column) ~ ' as ' ~ dbt.type_string() ~ ')' %}
        {{ dbt.concat(["'idgoal='", goal]) }} as goal_key,
        {{ dbt.concat(["'goals.idgoal='", goal, "'." ~ m ~ "'"]) }} as metric,
        {%- else %}
        cast(null as {{ dbt.type_string() }}) as goal_key,
        '{{ m }}' as metric,
        {%- endif %}
        cast({{ adapter.quote(m) }} as {{ matomo_warehouse.type_double() }}) as value
    from {{ ref(mart) }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- Reports Matomo builds by filtering another report's archived (truncated) table, with its
    very `Others` rows: their folded rows are explained by the base report's. Matomo 5
    plugins/Actions/API.php getEntryPageUrls / getExitPageUrls filter getPageUrls' table
    (checked on public-shapes: their Others rows equal getPageUrls'). -#}
{% macro truncation_base_reports() -%}
    {{ return({
        'Actions.getEntryPageUrls': 'Actions.getPageUrls',
        'Actions.getExitPageUrls': 'Actions.getPageUrls',
    }) }}
{%- endmacro %}

{#- Metric marts whose unique-visitor counts are, like Matomo's, distinct idvisitor over the
    action rows (log_link_visit_action) of each row: a visit whose user logged in counts its
    cookie idvisitor (earlier actions) and the user's (later) in Matomo, only the latter
    (Live's visitorId) in the mart. Visit-based reports count log_visit's, the final one. -#}
{% macro action_uniq_marts() -%}
    {{ return(['metrics_pages', 'metrics_downloads_outlinks', 'metrics_events', 'metrics_contents',
               'metrics_products']) }}
{%- endmacro %}
