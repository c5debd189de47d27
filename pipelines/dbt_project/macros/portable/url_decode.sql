{#- Percent-decode `expr` (`%XX` bytes read as UTF-8; `+` and invalid sequences such as `%zz`
    or a lone `%` kept as they are); NULL when the bytes are not valid UTF-8. DuckDB:
    try(url_decode()). PostgreSQL has no url_decode and SQL cannot catch convert_from's error:
    a plpgsql function created by the on-run-start hook (create_portable_functions). -#}
{% macro url_decode_or_null(expr) -%}
    {{ return(adapter.dispatch('url_decode_or_null', 'matomo_warehouse')(expr)) }}
{%- endmacro %}
{% macro default__url_decode_or_null(expr) -%}
    {{ portable_function_schema() }}.url_decode_or_null({{ expr }})
{%- endmacro %}
{% macro duckdb__url_decode_or_null(expr) -%}
    try(url_decode({{ expr }}))
{%- endmacro %}

{% macro portable_function_schema() -%} matomo_intermediate {%- endmacro %}

{#- on-run-start: the functions the PostgreSQL implementations call (none on DuckDB). -#}
{% macro create_portable_functions() -%}
    {{ return(adapter.dispatch('create_portable_functions', 'matomo_warehouse')()) }}
{%- endmacro %}
{% macro duckdb__create_portable_functions() -%}
    select 1
{%- endmacro %}
{% macro default__create_portable_functions() -%}
create schema if not exists {{ portable_function_schema() }};
create or replace function {{ portable_function_schema() }}.url_decode_or_null(value text)
returns text language plpgsql immutable as $fn$
begin
    if value is null then
        return null;
    end if;
    return convert_from(coalesce((
        select string_agg(
            case when m[1] is not null then decode(substr(m[1], 2), 'hex')
                 else convert_to(m[2], 'UTF8') end,
            ''::bytea order by n)
        from regexp_matches(value, '(%[0-9a-fA-F]{2})|([^%]+|%)', 'g') with ordinality as t(m, n)
    ), ''::bytea), 'UTF8');
exception when others then
    return null;
end
$fn$
{%- endmacro %}
