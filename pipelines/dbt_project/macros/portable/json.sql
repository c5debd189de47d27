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

{#- Element `index` (1-based, NULL past the end) of a stored_string_list column: DuckDB
    `list[index]`; PostgreSQL `jsonb ->> (index - 1)` (jsonb subscripts count from 0 and
    `col[1]` would return jsonb, quotes included). -#}
{% macro string_list_element(expr, index) -%}
    {{ return(adapter.dispatch('string_list_element', 'matomo_warehouse')(expr, index)) }}
{%- endmacro %}
{% macro default__string_list_element(expr, index) -%}
    (cast({{ expr }} as jsonb) ->> ({{ index }} - 1))
{%- endmacro %}
{% macro duckdb__string_list_element(expr, index) -%}
    (cast({{ expr }} as varchar[]))[{{ index }}]
{%- endmacro %}
