{#- PHP's round(): half away from zero, computed in DECIMAL so 0.125 -> 0.13 exactly. -#}
{% macro php_round(expr, precision) -%}
    cast(round(cast({{ expr }} as decimal(38, 12)), {{ precision }}) as double)
{%- endmacro %}

{#- Matomo's ratio: 0 when the denominator is 0 (or NULL), else PHP-rounded. -#}
{% macro php_ratio(numerator, denominator, precision) -%}
    case when coalesce({{ denominator }}, 0) = 0 then 0
         else {{ matomo_warehouse.php_round('(' ~ numerator ~ ') / (' ~ denominator ~ ')', precision) }} end
{%- endmacro %}

{#- A page URL as Matomo labels it in flat page reports: scheme and host dropped, `/` when empty. -#}
{% macro page_url_label(url) -%}
    coalesce(nullif(regexp_replace({{ url }}, '^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*', ''), ''), '/')
{%- endmacro %}
