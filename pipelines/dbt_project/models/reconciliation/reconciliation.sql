{{ config(materialized='table', schema='matomo_audit') }}
/*
  Every cell of every metric mart (macro metric_marts(); the columns its yml lists in
  config.meta.matomo_metrics) next to Matomo's number for the same site, period, date,
  matomo_report, label and metric (stg_matomo__report_rows), one row per cell. Schema
  matomo_audit: a QA model, not a mart. Marts without matomo_metrics are not compared.

  Compared: the (site, period, date, matomo_report) Matomo loaded (report_loads, no segment)
  that the mart publishes (int_metrics__periods; a report the mart has rows of). Strict:
  NULL is no value, never 0 (a value on one side only is a difference; both NULL is no
  cell); numbers are equal within float noise, money and event values within half a cent
  (macro matomo_equal).

  status:
  - match;
  - explained_others: a cell of Matomo's `Others` / `<parent> - Others` row (additive metric)
    equal to what the mart rows it covers add up to beyond Matomo's listed rows (scope: the
    parent's rows, or the whole report when the fold crossed parents across days);
  - explained_truncated_others: a mart row Matomo folded (all or part of it) into such an
    Others row, or a non-additive cell (rate, average, min, max) of one;
  - explained_truncated_actions: a visit of the period's days had its action list truncated
    by Live;
  - explained_quarantined: the latest load of one of the period's days quarantined values;
  - explained_user_id_login: a unique-visitor count of a row of an action-based report
    (macro action_uniq_marts) where Matomo counts at most as many more than the mart as the
    period's days have visits with a user id: Matomo rewrites a visit's idvisitor when the
    user logs in, but its earlier action rows keep the cookie's, and these reports count
    distinct idvisitor over action rows; Live shows only the final visitorId;
  - mismatch / missing_in_mart / missing_in_matomo: unexplained (a value on one side only is
    a mismatch when both sides have the row).
*/
{%- set marts = [] %}
{%- for mart in metric_marts() %}
-- depends_on: {{ ref(mart) }}
{%- set metrics, goal_column = mart_contract(mart) %}
{%- if metrics %}{% do marts.append((mart, metrics, goal_column)) %}{% endif %}
{%- endfor %}

with periods as (

    select distinct site_id, period, date from {{ ref('int_metrics__periods') }}

),

loaded as (

    select distinct
        id_site as site_id, period, period_date as date,
        case when report_params = '' then method else {{ dbt.concat(['method', "'?'", 'report_params']) }} end
            as matomo_report
    from {{ ref('stg_matomo__report_loads') }}
    where segment = ''

),

matomo_rows as (

    select
        r.id_site as site_id, r.period, r.period_date as date, r.matomo_report, r.label, r.is_summary_row,
        r.goal_key, r.goal_metric, r.metric, r.metric_value
    from {{ ref('stg_matomo__report_rows') }} as r
    inner join periods as p on p.site_id = r.id_site and p.period = r.period and p.date = r.period_date
    where r.segment = ''

),

{%- for mart, metrics, goal_column in marts %}

mart_{{ loop.index }} as (

    {{ mart_cells(mart, metrics, goal_column) }}

),

scope_{{ loop.index }} as (

    select l.site_id, l.period, l.date, l.matomo_report
    from loaded as l
    inner join periods as p on p.site_id = l.site_id and p.period = l.period and p.date = l.date
    where l.matomo_report in (select matomo_report from mart_{{ loop.index }})

),

cells_{{ loop.index }} as (

    select
        '{{ mart }}' as mart,
        coalesce(x.site_id, y.site_id) as site_id,
        coalesce(x.period, y.period) as period,
        coalesce(x.date, y.date) as date,
        coalesce(x.matomo_report, y.matomo_report) as matomo_report,
        coalesce(x.label, y.label) as label,
        coalesce(x.goal_key, y.goal_key) as goal_key,
        coalesce(x.metric, y.metric) as metric,
        x.metric_value as matomo_value,
        y.value as mart_value,
        x.metric is not null as in_matomo,
        y.metric is not null as in_mart,
        coalesce(x.is_summary_row, false) as is_summary_row
    from (
        select m.*
        from matomo_rows as m
        inner join scope_{{ loop.index }} as s
            on s.site_id = m.site_id and s.period = m.period and s.date = m.date and s.matomo_report = m.matomo_report
        {%- if goal_column %}
        where m.goal_key like 'idgoal=%'
            and m.goal_metric in (
                {%- for m in metrics %}
                '{{ m }}'{{ ',' if not loop.last }}
                {%- endfor %}
            )
        {%- else %}
        where m.goal_key is null
            and m.metric in (
                {%- for m in metrics %}
                '{{ m }}'{{ ',' if not loop.last }}
                {%- endfor %}
            )
        {%- endif %}
    ) as x
    full outer join (
        select c.*
        from mart_{{ loop.index }} as c
        inner join scope_{{ loop.index }} as s
            on s.site_id = c.site_id and s.period = c.period and s.date = c.date and s.matomo_report = c.matomo_report
    ) as y
        on x.site_id = y.site_id and x.period = y.period and x.date = y.date
        and x.matomo_report = y.matomo_report and x.label = y.label and x.metric = y.metric

),

{%- endfor %}

cells as (

    {%- for mart, metrics, goal_column in marts %}
    select * from cells_{{ loop.index }}
    {{ 'union all' if not loop.last }}
    {%- else %}
    select
        cast(null as {{ dbt.type_string() }}) as mart, cast(null as {{ dbt.type_bigint() }}) as site_id,
        cast(null as {{ dbt.type_string() }}) as period, cast(null as date) as date,
        cast(null as {{ dbt.type_string() }}) as matomo_report, cast(null as {{ dbt.type_string() }}) as label,
        cast(null as {{ dbt.type_string() }}) as goal_key, cast(null as {{ dbt.type_string() }}) as metric, cast(null as {{ matomo_warehouse.type_double() }}) as matomo_value,
        cast(null as {{ matomo_warehouse.type_double() }}) as mart_value, false as in_matomo, false as in_mart,
        false as is_summary_row
    where false
    {%- endfor %}

),

rows as (

    -- whether each side has the row at all (a row without this metric is still a row)
    select
        c.*,
        bool_or(c.in_matomo) over row_cells as matomo_row,
        bool_or(c.in_mart) over row_cells as mart_row
    from cells as c
    window row_cells as (partition by c.mart, c.site_id, c.period, c.date, c.matomo_report, c.label, c.goal_key)

),

summaries as (

    -- Matomo's `Others` (top level) and `<parent> - Others` rows (Matomo sends `-1` for
    -- a top-level summary in some answers)
    select distinct
        mart, site_id, period, date, matomo_report, label as others_label,
        case when label in ('Others', '-1') then null else substr(label, 1, length(label) - 9) end as parent
    from rows
    where is_summary_row

),

row_others as (

    -- the summary row that covers each row: its `<parent> - Others` (flat labels are
    -- `<parent> - <child>`, or `<parent>/<child>` for URLs), else the top-level Others
    select * from (
        select
            r.mart, r.site_id, r.period, r.date, r.matomo_report, r.label, s.others_label,
            row_number() over (
                partition by r.mart, r.site_id, r.period, r.date, r.matomo_report, r.label
                order by coalesce(length(s.parent), -1) desc
            ) as rank_
        from (select distinct mart, site_id, period, date, matomo_report, label from rows where not is_summary_row) as r
        inner join summaries as s
            on s.mart = r.mart and s.site_id = r.site_id and s.period = r.period and s.date = r.date
            and s.matomo_report = r.matomo_report
        where s.parent is null
            or (substr(r.label, 1, length(s.parent)) = s.parent
                and (s.parent like '%/' or substr(r.label, length(s.parent) + 1, 3) = ' - '))
    ) as ranked
    where rank_ = 1

),

scoped as (

    select
        r.*,
        case when r.is_summary_row then r.label else o.others_label end as others_label,
        {{ is_additive_metric('r.metric') }} as is_additive
    from rows as r
    left join row_others as o
        on not r.is_summary_row and o.mart = r.mart and o.site_id = r.site_id and o.period = r.period
        and o.date = r.date and o.matomo_report = r.matomo_report and o.label = r.label
    where r.matomo_value is not null or r.mart_value is not null

),

conserved as (

    -- per Others row and metric: what the mart rows it covers add beyond Matomo's listed rows
    -- (their sum minus Matomo's) minus the Others value; and the same over the whole report
    select
        s.*,
        sum(case when s.others_label is null then null
                 when s.is_summary_row then -coalesce(s.matomo_value, 0)
                 else coalesce(s.mart_value, 0) - coalesce(s.matomo_value, 0) end)
            over (partition by s.mart, s.site_id, s.period, s.date, s.matomo_report, s.others_label, s.metric)
            as others_gap,
        sum(coalesce(s.mart_value, 0) - coalesce(s.matomo_value, 0))
            over (partition by s.mart, s.site_id, s.period, s.date, s.matomo_report, s.metric) as report_gap
    from scoped as s

),

folded as (

    select
        c.*,
        c.others_label is not null and c.is_additive
            and (
                {{ matomo_equal('c.metric', 'c.others_gap', '0') }}
                or {{ matomo_equal('c.metric', 'c.report_gap', '0') }}
            )
            as others_add_up,
        -- a row Matomo left out, or listed with less than the mart has (folded in part)
        c.others_label is not null and not c.is_summary_row and (
            not c.matomo_row
            or bool_or(c.is_additive and coalesce(c.matomo_value, 0) < c.mart_value) over row_cells
        ) as is_folded
    from conserved as c
    window row_cells as (partition by c.mart, c.site_id, c.period, c.date, c.matomo_report, c.label, c.goal_key)

),

truncated_periods as (

    select distinct p.site_id, p.period, p.date
    from {{ ref('int_metrics__periods') }} as p
    inner join {{ ref('int_matomo__visits') }} as v on v.id_site = p.site_id and v.visit_date = p.day
    where v.is_truncated

),

quarantined_periods as (

    -- periods with a day whose latest read quarantined something (stg_matomo__load_audit)
    select distinct p.site_id, p.period, p.date
    from {{ ref('int_metrics__periods') }} as p
    inner join (
        select
            id_site, visit_date, quarantined_values,
            row_number() over (partition by id_site, visit_date order by loaded_at desc) as rank_
        from {{ ref('stg_matomo__load_audit') }}
    ) as a on a.id_site = p.site_id and a.visit_date = p.day
    where a.rank_ = 1 and a.quarantined_values > 0

),

user_id_periods as (

    -- visits with a user id per period: each may count one extra visitor in Matomo's row
    select p.site_id, p.period, p.date, count(*) as user_id_visits
    from {{ ref('int_metrics__periods') }} as p
    inner join {{ ref('int_matomo__visits') }} as v on v.id_site = p.site_id and v.visit_date = p.day
    where v.user_id is not null
    group by p.site_id, p.period, p.date

),

statuses as (

    select
        f.mart,
        f.site_id,
        f.period,
        f.date,
        f.matomo_report,
        f.label,
        f.metric,
        f.matomo_value,
        f.mart_value,
        f.is_summary_row,
        f.others_label,
        case
            when f.matomo_value is not null and f.mart_value is not null
                and {{ matomo_equal('f.metric', 'f.matomo_value', 'f.mart_value') }}
                then 'match'
            when f.is_summary_row and f.others_add_up then 'explained_others'
            when f.is_summary_row and not f.is_additive then 'explained_truncated_others'
            when f.is_folded and f.is_additive and f.others_add_up
                and (not f.matomo_row or f.matomo_value is null or f.matomo_value < f.mart_value)
                then 'explained_truncated_others'
            when f.is_folded and not f.is_additive then 'explained_truncated_others'
            when t.site_id is not null then 'explained_truncated_actions'
            when q.site_id is not null then 'explained_quarantined'
            when f.mart in (
                {%- for m in action_uniq_marts() %}
                '{{ m }}'{{ ',' if not loop.last }}
                {%- endfor %}
            )
                and f.metric like '%nb\_uniq\_visitors' escape '\' and not f.is_summary_row
                and f.matomo_value > f.mart_value and f.matomo_value - f.mart_value <= u.user_id_visits
                then 'explained_user_id_login'
            when not f.mart_row then 'missing_in_mart'
            when not f.matomo_row then 'missing_in_matomo'
            else 'mismatch'
        end as status
    from folded as f
    left join truncated_periods as t on t.site_id = f.site_id and t.period = f.period and t.date = f.date
    left join quarantined_periods as q on q.site_id = f.site_id and q.period = f.period and q.date = f.date
    left join user_id_periods as u on u.site_id = f.site_id and u.period = f.period and u.date = f.date

)

select
    s.mart,
    s.site_id,
    s.period,
    s.date,
    s.matomo_report,
    s.label,
    s.metric,
    s.matomo_value,
    s.mart_value,
    s.others_label,
    case
        -- a report Matomo derives from another's truncated table (entry / exit pages: rows of
        -- the page-URL table, with its very Others rows) is explained where its base report's
        -- same cell is: the same Others value, a row the base report folded
        when s.status = 'missing_in_mart' and b.status = 'explained_others'
            and s.is_summary_row and {{ matomo_equal('s.metric', 's.matomo_value', 'b.matomo_value') }}
            then 'explained_others'
        when s.status in ('mismatch', 'missing_in_matomo') and b.status = 'explained_truncated_others'
            and not s.is_summary_row
            then 'explained_truncated_others'
        else s.status
    end as status
from statuses as s
left join statuses as b
    on b.matomo_report = case s.matomo_report
        {%- for report, base in truncation_base_reports().items() %}
        when '{{ report }}' then '{{ base }}'
        {%- endfor %}
    end
    and b.site_id = s.site_id and b.period = s.period and b.date = s.date and b.label = s.label
    and b.metric = s.metric
