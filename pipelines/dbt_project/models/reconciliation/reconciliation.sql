{{ config(materialized='table', schema='matomo_audit') }}
/*
  Every metric of the metric marts next to the number Matomo's Reporting API gave for the
  same site, period, date, report and label (raw report_* tables through stg_matomo__report_rows),
  one row per cell. Schema matomo_audit: a QA model, not a mart.

  status:
  - match: equal (within 0.005; absent on one side counts as 0 when the other side is 0);
  - mismatch: both sides have the row and the numbers differ, unexplained;
  - missing_in_mart / missing_in_matomo: the row exists on one side only, unexplained;
  - explained_truncated_others: Matomo folded rows of this report into "Others"
    (the "Others" row itself, and rows the mart has that Matomo did not list);
  - explained_truncated_actions: the site-day has a visit whose action list Live truncated;
  - explained_quarantined: the day's (or a day of the week's / month's) latest load quarantined
    values or whole visits (matomo_raw.quarantine): a NULL or missing value there can explain
    any cell of that site and period.
  Only periods both sides publish are compared (days the loader read; full weeks / months
  for VisitsSummary), and only reports the Reporting API source loaded.
*/
{%- set page_metrics = ['nb_hits', 'nb_visits', 'entry_nb_visits', 'entry_nb_actions', 'entry_sum_visit_length',
                        'entry_bounce_count', 'exit_nb_visits', 'sum_time_spent', 'bounce_rate', 'exit_rate',
                        'avg_time_on_page'] %}
{%- set event_metrics = ['nb_events', 'nb_visits', 'sum_event_value', 'nb_events_with_value',
                         'min_event_value', 'max_event_value', 'avg_event_value'] %}
{%- set goal_metrics = ['nb_conversions', 'nb_visits_converted', 'revenue', 'conversion_rate', 'items',
                        'revenue_subtotal', 'revenue_tax', 'revenue_shipping', 'revenue_discount',
                        'avg_order_revenue'] %}
{%- set product_metrics = ['revenue', 'quantity', 'orders', 'nb_visits', 'nb_actions', 'avg_price', 'avg_quantity',
                           'conversion_rate'] %}

with truncated as (

    select distinct id_site as site_id, visit_date as date
    from {{ ref('int_matomo__visits') }}
    where is_truncated

),

quarantined as (

    -- site-days whose latest read quarantined something (stg_matomo__load_audit)
    select id_site as site_id, visit_date as date
    from {{ ref('stg_matomo__load_audit') }}
    qualify row_number() over (partition by id_site, visit_date order by loaded_at desc) = 1
        and quarantined_values > 0

),

cells as (

    {{ reconcile_report('VisitsSummary.get', 'report_visits_summary_get',
        ['nb_visits', 'nb_uniq_visitors', 'nb_users', 'nb_actions', 'max_actions', 'sum_visit_length',
         'bounce_count', 'nb_visits_converted', 'bounce_rate', 'nb_actions_per_visit', 'avg_time_on_site'],
        "select *, '' as report_params, '' as label from " ~ ref('metrics_visits_summary') ~ " where period = 'day'") }}
    union all
    {{ reconcile_report('VisitsSummary.get (week/month)', 'report_visits_summary_get',
        ['nb_uniq_visitors', 'nb_users'],
        "select *, '' as report_params, '' as label from " ~ ref('metrics_visits_summary') ~ " where period <> 'day'",
        periods=['week', 'month']) }}
    union all
    {{ reconcile_report('Actions.get', 'report_actions_get',
        ['nb_pageviews', 'nb_uniq_pageviews', 'nb_downloads', 'nb_uniq_downloads', 'nb_outlinks',
         'nb_uniq_outlinks', 'nb_searches', 'nb_keywords'],
        "select *, '' as report_params, '' as label from " ~ ref('metrics_actions')) }}
    union all
    {{ reconcile_report('Actions.getPageUrls', 'report_actions_get_page_urls', page_metrics,
        "select *, '' as report_params from " ~ ref('metrics_page_urls')) }}
    union all
    {{ reconcile_report('Actions.getPageTitles', 'report_actions_get_page_titles', page_metrics,
        "select *, '' as report_params from " ~ ref('metrics_page_titles'), label_sql='trim(label)') }}
    {%- for dim, method in [('category', 'getCategory'), ('action', 'getAction'), ('name', 'getName')] %}
    union all
    {{ reconcile_report('Events.' ~ method, 'report_events_' ~ ('get_category' if dim == 'category' else 'get_' ~ dim),
        event_metrics,
        "select *, '' as report_params from " ~ ref('metrics_events') ~ " where dimension = '" ~ dim ~ "'") }}
    {%- endfor %}
    union all
    {{ reconcile_report('Goals.get', 'report_goals_get', goal_metrics,
        "select * exclude (label), replace(replace(matomo_report, 'Goals.get', ''), '?', '') as report_params,
                case when matomo_report = 'Goals.get' then 'all' else replace(matomo_report, 'Goals.get?idGoal=', '') end as label
         from " ~ ref('metrics_goals') ~ " where period = 'day'",
        label_sql="case when report_params = '' then 'all' else replace(report_params, 'idGoal=', '') end") }}
    {%- for dim, method in [('sku', 'getItemsSku'), ('name', 'getItemsName'), ('category', 'getItemsCategory')] %}
    union all
    {{ reconcile_report('Goals.' ~ method, 'report_goals_get_items_' ~ dim, product_metrics,
        "select *, '' as report_params from " ~ ref('metrics_products') ~ " where dimension = '" ~ dim ~ "' and ecommerce_type = 'order'",
        where_sql="report_params = ''") }}
    {%- endfor %}

)

select
    c.site_id,
    c.period,
    c.date,
    c.report,
    c.label,
    c.metric,
    c.matomo_value,
    c.mart_value,
    case
        when c.matomo_row and c.mart_row and abs(coalesce(c.matomo_value, 0) - coalesce(c.mart_value, 0)) < 0.005
            then 'match'
        when not (c.matomo_row and c.mart_row) and coalesce(c.matomo_value, 0) = 0 and coalesce(c.mart_value, 0) = 0
            then 'match'
        when c.is_summary_row or (not c.matomo_row and c.matomo_has_others)
            then 'explained_truncated_others'
        when t.site_id is not null
            then 'explained_truncated_actions'
        when exists (
            select 1 from quarantined as q
            where q.site_id = c.site_id
                and q.date between c.date and case c.period
                    when 'day' then c.date when 'week' then c.date + 6 else last_day(c.date)
                end
        ) then 'explained_quarantined'
        when not c.mart_row then 'missing_in_mart'
        when not c.matomo_row then 'missing_in_matomo'
        else 'mismatch'
    end as status
from cells as c
left join truncated as t on t.site_id = c.site_id and t.date = c.date
