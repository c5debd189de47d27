{#- Money: Matomo sends floats; the loader stores DECIMAL(38,9). Sums are rounded only at
    report time (round(sum, 2)), so keep the full precision here. -#}
{% macro money_type() -%}
    {{ return(adapter.dispatch('money_type', 'matomo_warehouse')()) }}
{%- endmacro %}
{% macro default__money_type() -%} numeric(38, 9) {%- endmacro %}

{#- Money in the marts: Matomo's precision (GoalManager::REVENUE_PRECISION = 2 decimals). -#}
{% macro mart_money_type() -%} numeric(18, 2) {%- endmacro %}

{#- A UTC epoch (seconds) as the site-local wall-clock timestamp of an IANA timezone
    (DST-aware; PostgreSQL and DuckDB share this syntax). -#}
{% macro epoch_to_local_timestamp(epoch_column, timezone_column) -%}
    {{ return(adapter.dispatch('epoch_to_local_timestamp', 'matomo_warehouse')(epoch_column, timezone_column)) }}
{%- endmacro %}
{% macro default__epoch_to_local_timestamp(epoch_column, timezone_column) -%}
    (to_timestamp({{ epoch_column }}) at time zone {{ timezone_column }})
{%- endmacro %}

{#- Live's actionDetails[].timestamp is the site-local wall clock written as if it were a
    UTC epoch: reading it in UTC gives the local wall-clock timestamp directly. -#}
{% macro local_epoch_to_timestamp(epoch_column) -%}
    {{ matomo_warehouse.epoch_to_local_timestamp(epoch_column, "'UTC'") }}
{%- endmacro %}
