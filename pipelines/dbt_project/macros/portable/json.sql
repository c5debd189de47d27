{#- A JSON array of strings (a dlt `json` column, e.g. Live's `categories`) as a list of strings
    (type_string_array()); NULL stays NULL. -#}
{% macro json_string_array(expr) -%}
    {{ return(adapter.dispatch('json_string_array', 'matomo_warehouse')(expr)) }}
{%- endmacro %}
{% macro default__json_string_array(expr) -%}
    case when {{ expr }} is not null
        then array(select jsonb_array_elements_text(cast({{ expr }} as jsonb))) end
{%- endmacro %}
{% macro duckdb__json_string_array(expr) -%}
    cast({{ expr }} as varchar[])
{%- endmacro %}
