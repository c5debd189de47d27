{#-
  A raw table the loader may not have created yet (a report no run loaded so far): the
  relation when it exists in the database, else none. Staging models select from it or, when
  none, an empty typed row set.
-#}
{% macro existing_relation(relation) -%}
    {%- if not execute -%}{{ return(none) }}{%- endif -%}
    {{ return(adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier)) }}
{%- endmacro %}

{#- `columns` ((name, type) pairs) of `relation`, or no row of those typed columns when the
    table does not exist. Returns a SELECT. -#}
{% macro select_source_or_empty(relation, columns) -%}
    {%- set existing = existing_relation(relation) -%}
    {%- if not execute or existing is not none %}
    select {{ select_source_columns(relation, columns) }}
    from {{ relation }}
    {%- else %}
    select
        {%- for name, data_type in columns %}
        cast(null as {{ data_type }}) as {{ adapter.quote(name) }}{{ "," if not loop.last }}
        {%- endfor %}
    where false
    {%- endif %}
{%- endmacro %}

{#- The numeric columns of a Reporting API table that exist, other than its keys: the
    report's metrics (dlt creates a column only once it saw a value). -#}
{% macro report_metric_columns(relation, keys) -%}
    {%- set metrics = [] -%}
    {%- set numeric_types = ['tinyint', 'smallint', 'integer', 'bigint', 'hugeint', 'ubigint', 'uinteger',
                             'float', 'real', 'double', 'double precision', 'decimal', 'numeric'] -%}
    {%- if execute and relation is not none -%}
        {%- for col in adapter.get_columns_in_relation(relation) -%}
            {%- if col.name | lower not in keys and not col.name.startswith('_')
                  and (col.dtype | lower).split('(')[0] in numeric_types -%}
                {%- do metrics.append(col.name | lower) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(metrics) }}
{%- endmacro %}
