{#- PHP's round(): half away from zero, computed in DECIMAL so 0.125 -> 0.13 exactly. -#}
{% macro php_round(expr, precision) -%}
    cast(round(cast({{ expr }} as decimal(38, 12)), {{ precision }}) as {{ matomo_warehouse.type_double() }})
{%- endmacro %}

{#- Matomo's ratio: 0 when the denominator is 0 (or NULL), else PHP-rounded. The division is in
    double on every warehouse (PostgreSQL would divide integers as integers). -#}
{% macro php_ratio(numerator, denominator, precision) -%}
    {%- set quotient = 'cast(' ~ numerator ~ ' as ' ~ matomo_warehouse.type_double() ~ ') / (' ~ denominator ~ ')' -%}
    case when coalesce({{ denominator }}, 0) = 0 then 0
         else {{ matomo_warehouse.php_round(quotient, precision) }} end
{%- endmacro %}

{#- A page URL as Matomo labels it in flat page reports: scheme and host dropped, `/` when empty,
    URL-decoded like PHP's urldecode (`+` is a space: `/search?q=rate limit`, `/über-uns/`);
    a path that does not decode to UTF-8 is kept as it is. -#}
{% macro page_url_label(url) -%}
    {%- set path = "regexp_replace(" ~ url ~ ", '^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*', '')" -%}
    coalesce(nullif(coalesce({{ matomo_warehouse.url_decode_or_null("replace(" ~ path ~ ", '+', ' ')") }}, {{ path }}), ''), '/')
{%- endmacro %}
