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

{#- How staging stores a JSON array of strings: DuckDB a `varchar[]`; PostgreSQL the `jsonb` as
    it is, because dbt-postgres unit tests cannot type an array column (`cast(null as ARRAY)`).
    Read it with json_string_array(col) (a no-op cast on DuckDB); unit-test fixtures write it
    as JSON text ('["Shoes", "Boots"]') on both. -#}
{% macro stored_string_list(expr) -%}
    {{ return(adapter.dispatch('stored_string_list', 'matomo_warehouse')(expr)) }}
{%- endmacro %}
{% macro default__stored_string_list(expr) -%}
    cast({{ expr }} as jsonb)
{%- endmacro %}
{% macro duckdb__stored_string_list(expr) -%}
    cast({{ expr }} as varchar[])
{%- endmacro %}
