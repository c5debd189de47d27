{#-
  One report of the reconciliation, as long rows (site_id, period, date, report, label,
  metric, matomo_value, mart_value, matomo_row, mart_row, is_summary_row, matomo_has_others).
  Returns a parenthesized SELECT.

  report:      name shown (e.g. 'Actions.getPageUrls'); its first word is the API method
  table:       the Reporting API raw table (report_actions_get_page_urls), read through
               stg_matomo__report_rows
  metrics:     metric columns compared (same name in the mart and in the report table)
  mart_sql:    SQL with site_id, period, date, report_params, label and the metrics
  where_sql:   filter on the report's rows (columns of stg_matomo__report_rows)
  label_sql:   SQL giving the label used for matching from a report row
  periods:     periods compared
-#}
{% macro reconcile_report(report, table, metrics, mart_sql, where_sql='true', label_sql='label', periods=['day']) -%}
{%- set method = report.split(' ')[0] -%}
{%- set metric_list = "'" ~ (metrics | join("', '")) ~ "'" -%}
(
    with scope as (
        select distinct site_id, period, date from {{ ref('int_metrics__periods') }}
        where period in ('{{ periods | join("', '") }}')
    ),
    report_cells as (
        select r.report_row_id, r.id_site as site_id, r.period, r.period_date as date, r.report_params,
               {{ label_sql }} as label, r.is_summary_row, r.metric, r.metric_value
        from {{ ref('stg_matomo__report_rows') }} as r
        inner join scope as s on s.site_id = r.id_site and s.period = r.period and s.date = r.period_date
        where r.report_table = '{{ table }}' and r.segment = '' and ({{ where_sql }})
    ),
    matomo as (
        select distinct report_row_id, site_id, period, date, report_params, label, is_summary_row
        from report_cells
    ),
    loaded as (
        select l.id_site as site_id, l.period, l.period_date as date, l.report_params
        from {{ ref('stg_matomo__report_loads') }} as l
        where l.method = '{{ method }}' and l.segment = ''
        union
        select site_id, period, date, report_params from matomo
    ),
    mart as (
        select m.* from ({{ mart_sql }}) as m
        inner join scope as s using (site_id, period, date)
        inner join loaded as l using (site_id, period, date, report_params)
    ),
    others as (
        select distinct site_id, period, date, report_params from matomo where is_summary_row
    ),
    matomo_long as (
        -- every compared metric of every report row (NULL when the report has no such column)
        select x.site_id, x.period, x.date, x.report_params, x.label, x.is_summary_row, m.metric,
               c.metric_value as value
        from matomo as x
        cross join (select unnest([{{ metric_list }}]) as metric) as m
        left join report_cells as c on c.report_row_id = x.report_row_id and c.metric = m.metric
    ),
    mart_long as (
        {%- for m in metrics %}
        select site_id, period, date, report_params, label, '{{ m }}' as metric,
               cast({{ adapter.quote(m) }} as double) as value
        from mart {{ 'union all' if not loop.last }}
        {%- endfor %}
    )
    select
        coalesce(x.site_id, y.site_id) as site_id,
        coalesce(x.period, y.period) as period,
        coalesce(x.date, y.date) as date,
        '{{ report }}' as report,
        coalesce(x.label, y.label) as label,
        coalesce(x.metric, y.metric) as metric,
        x.value as matomo_value,
        y.value as mart_value,
        x.metric is not null as matomo_row,
        y.metric is not null as mart_row,
        coalesce(x.is_summary_row, false) as is_summary_row,
        o.site_id is not null as matomo_has_others
    from matomo_long as x
    full outer join mart_long as y
        on x.site_id = y.site_id and x.period = y.period and x.date = y.date
        and x.report_params = y.report_params and x.label = y.label and x.metric = y.metric
    left join others as o
        on o.site_id = coalesce(x.site_id, y.site_id) and o.period = coalesce(x.period, y.period)
        and o.date = coalesce(x.date, y.date) and o.report_params = coalesce(x.report_params, y.report_params)
)
{%- endmacro %}
