{#-
  Select a raw table's columns by name with an explicit type, robust to columns the loader
  never created: dlt materializes a column only once a non-null value has been seen, so a
  field that was always null in every load so far is missing from the table. Missing
  columns come out as a typed NULL.

  columns: list of (name, type) pairs, e.g. [('id_site', dbt.type_bigint()), ...]
-#}
{% macro select_source_columns(relation, columns) -%}
    {%- set existing = [] -%}
    {%- if execute -%}
        {%- for col in adapter.get_columns_in_relation(relation) -%}
            {%- do existing.append(col.name | lower) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- for name, data_type in columns %}
        {% if not execute or name | lower in existing -%}
            cast({{ adapter.quote(name) }} as {{ data_type }})
        {%- else -%}
            cast(null as {{ data_type }})
        {%- endif %} as {{ adapter.quote(name) }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}
