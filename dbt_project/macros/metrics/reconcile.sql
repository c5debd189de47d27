{#-
  One report of the reconciliation, as long rows (site_id, period, date, report, label,
  metric, matomo_value, mart_value, matomo_row, mart_row, matomo_has_others).

  report:      name shown (e.g. 'Actions.getPageUrls')
  table:       the Reporting API raw table (report_actions_get_page_urls)
  metrics:     metric columns compared (same name in the mart and in the report table)
  mart_sql:    SQL with site_id, period, date, report_params, label and the metrics
  params_sql:  SQL expression over the report table giving the label used for matching when
               the report has one row per report_params (Goals.get), else none
  where_sql:   filter on the report table's rows
  periods:     periods compared
-#}
{% macro reconcile_report(report, table, metrics, mart_sql, where_sql='true', label_sql='label', periods=['day']) -%}
{%- set relation = report_relation(table) -%}
{%- set existing = [] -%}
{%- if relation is not none -%}
    {%- for col in adapter.get_columns_in_relation(relation) -%}{%- do existing.append(col.name | lower) -%}{%- endfor -%}
{%- endif -%}
{%- set method = report.split(' ')[0] -%}
{%- set loads = report_relation('report_loads') -%}
(
    with scope as (
        select distinct site_id, period, date from {{ ref('int_metrics__periods') }}
        where period in ('{{ periods | join("', '") }}')
    ),
    {% if relation is not none -%}
    matomo as (
        select r.id_site as site_id, r.period, r.date, cast(r.report_params as varchar) as report_params,
               {{ label_sql }} as label, coalesce(r.is_summary_row, false) as is_summary_row
               {%- for m in metrics %}, {{ report_metric(existing, m) }} as {{ adapter.quote(m) }}{% endfor %}
        from {{ relation }} as r
        inner join scope as s on s.site_id = r.id_site and s.period = r.period and s.date = r.date
        where coalesce(r.segment, '') = '' and ({{ where_sql }})
    ),
    loaded as (
        {% if loads is not none -%}
        select distinct l.id_site as site_id, l.period, l.date, cast(l.report_params as varchar) as report_params
        from {{ loads }} as l
        where l.method = '{{ method }}' and coalesce(l.segment, '') = ''
        {%- else -%}
        select distinct site_id, period, date, report_params from matomo
        {%- endif %}
    ),
    {%- else -%}
    matomo as (
        select cast(null as bigint) as site_id, cast(null as varchar) as period, cast(null as date) as date,
               cast(null as varchar) as report_params, cast(null as varchar) as label, false as is_summary_row
               {%- for m in metrics %}, cast(null as double) as {{ adapter.quote(m) }}{% endfor %}
        where false
    ),
    loaded as (select site_id, period, date, report_params from matomo),
    {%- endif %}
    mart as (
        select m.* from ({{ mart_sql }}) as m
        inner join scope as s using (site_id, period, date)
        inner join loaded as l using (site_id, period, date, report_params)
    ),
    others as (
        select distinct site_id, period, date, report_params from matomo where is_summary_row
    ),
    matomo_long as (
        {%- for m in metrics %}
        select site_id, period, date, report_params, label, is_summary_row, '{{ m }}' as metric,
               {{ adapter.quote(m) }} as value
        from matomo {{ 'union all' if not loop.last }}
        {%- endfor %}
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
