{#- Portable types (adapter.dispatch: a DuckDB and a PostgreSQL implementation where they differ).
    dbt's own cross-database macros (dbt.type_bigint(), dbt.type_string(), dbt.dateadd, ...)
    cover the rest. -#}

{#- 8-byte float: DuckDB `double`, PostgreSQL `double precision` (dbt.type_float() is 4 bytes
    on DuckDB). -#}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double', 'matomo_warehouse')()) }}
{%- endmacro %}
{% macro default__type_double() -%} double precision {%- endmacro %}
{% macro duckdb__type_double() -%} double {%- endmacro %}

{#- The type dlt gives a `json` column: DuckDB `json`, PostgreSQL `jsonb`. -#}
{% macro type_json() -%}
    {{ return(adapter.dispatch('type_json', 'matomo_warehouse')()) }}
{%- endmacro %}
{% macro default__type_json() -%} jsonb {%- endmacro %}
{% macro duckdb__type_json() -%} json {%- endmacro %}

{#- A list of strings: DuckDB `varchar[]`, PostgreSQL `text[]`. Both index from 1
    (`arr[1]`, NULL past the end) and expand with
    `cross join lateral unnest(arr) with ordinality as u(value, slot)`. -#}
{% macro type_string_array() -%}
    {{ return(adapter.dispatch('type_string_array', 'matomo_warehouse')()) }}
{%- endmacro %}
{% macro default__type_string_array() -%} text[] {%- endmacro %}
{% macro duckdb__type_string_array() -%} varchar[] {%- endmacro %}
