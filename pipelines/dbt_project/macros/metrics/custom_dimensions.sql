{#- The URL part of a flat CustomDimensions.getCustomDimension row (`<value> - <url>`): the
    URL as Tracker\PageUrl::normalizeUrl stores it (no scheme, no `www.`, no fragment), shown
    URL-decoded like PHP's urldecode (`+` is a space); a URL that does not decode stays as is. -#}
{% macro custom_dimension_url_label(url) -%}
    {%- set stored = "regexp_replace(regexp_replace(" ~ url ~ ", '^[a-zA-Z]+://(www\\.)?', ''), '#.*$', '')" -%}
    coalesce({{ url_decode_or_null("replace(" ~ stored ~ ", '+', ' ')") }}, {{ stored }})
{%- endmacro %}
