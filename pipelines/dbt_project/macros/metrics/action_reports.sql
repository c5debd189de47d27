{#- Helpers of the action-report marts (metrics_pages, metrics_downloads_outlinks,
    metrics_site_search, metrics_events, metrics_contents). -#}

{#- A download / outlink URL as Matomo labels it in flat reports: scheme dropped, host kept,
    URL-decoded like PHP's urldecode (`+` is a space); undecodable text is kept as it is. -#}
{% macro action_url_label(url) -%}
    {%- set rest = "regexp_replace(" ~ url ~ ", '^[a-zA-Z][a-zA-Z0-9+.-]*://', '')" -%}
    coalesce({{ matomo_warehouse.url_decode_or_null("replace(" ~ rest ~ ", '+', ' ')") }}, {{ rest }})
{%- endmacro %}

{#- Matomo's period aggregation of report rows (core/ArchiveProcessor.php
    aggregateDataTableRecords, DataTable::addDataTable / Row::sumRow): the day rows of
    `relation` (columns site_id, day, the `keys` and the metrics) are summed by label into
    every period of `periods` (site_id, period, date, day; day rows pass through).
    - sums: summed (NULL when no day has the metric: Matomo omits it too);
    - uniques: day-only counts, renamed `sum_daily_<name>` at week and longer
      (`$columnsToRenameAfterAggregation`) and NULL there under their own name;
    - mins / maxes: min / max over the days;
    - min_nonzero: min over the days where 0 means "unset" (Row::getColumnValuesMerged),
      0 when no day has a non-zero value. -#}
{% macro rollup_day_rows(relation, keys, sums=[], uniques=[], mins=[], maxes=[], min_nonzero=[]) -%}
    select
        p.site_id,
        p.period,
        p.date,
        {%- for k in keys %}
        r.{{ k }},
        {%- endfor %}
        {%- for m in sums %}
        sum(r.{{ m }}) as {{ m }},
        {%- endfor %}
        {%- for m in uniques %}
        case when p.period = 'day' then sum(r.{{ m }}) end as {{ m }},
        case when p.period <> 'day' then sum(r.{{ m }}) end as sum_daily_{{ m }},
        {%- endfor %}
        {%- for m in mins %}
        min(r.{{ m }}) as {{ m }},
        {%- endfor %}
        {%- for m in maxes %}
        max(r.{{ m }}) as {{ m }},
        {%- endfor %}
        {%- for m in min_nonzero %}
        coalesce(min(case when r.{{ m }} <> 0 then r.{{ m }} end), 0) as {{ m }},
        {%- endfor %}
        count(*) as days_with_row
    from {{ relation }} as r
    inner join periods as p on p.site_id = r.site_id and p.day = r.day
    group by p.site_id, p.period, p.date{% for k in keys %}, r.{{ k }}{% endfor %}
{%- endmacro %}
