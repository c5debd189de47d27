
    

    create  table
      "corrupted"."matomo_audit"."reconciliation__dbt_tmp"
  
    
    as (
      
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
  - explained_truncated_actions: the site-day has a visit whose action list Live truncated.
  Only periods both sides publish are compared (days the loader read; full weeks / months
  for VisitsSummary), and only reports the Reporting API source loaded.
*/

with truncated as (

    select distinct id_site as site_id, visit_date as date
    from "corrupted"."matomo_intermediate"."int_matomo__visits"
    where is_truncated

),

cells as (

    (
    with scope as (
        select distinct site_id, period, date from "corrupted"."matomo_intermediate"."int_metrics__periods"
        where period in ('day')
    ),
    report_cells as (
        select r.report_row_id, r.id_site as site_id, r.period, r.period_date as date, r.report_params,
               label as label, r.is_summary_row, r.metric, r.metric_value
        from "corrupted"."matomo_staging"."stg_matomo__report_rows" as r
        inner join scope as s on s.site_id = r.id_site and s.period = r.period and s.date = r.period_date
        where r.report_table = 'report_visits_summary_get' and r.segment = '' and (true)
    ),
    matomo as (
        select distinct report_row_id, site_id, period, date, report_params, label, is_summary_row
        from report_cells
    ),
    loaded as (
        select l.id_site as site_id, l.period, l.period_date as date, l.report_params
        from "corrupted"."matomo_staging"."stg_matomo__report_loads" as l
        where l.method = 'VisitsSummary.get' and l.segment = ''
        union
        select site_id, period, date, report_params from matomo
    ),
    mart as (
        select m.* from (select *, '' as report_params, '' as label from "corrupted"."matomo"."metrics_visits_summary" where period = 'day') as m
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
        cross join (select unnest(['nb_visits', 'nb_uniq_visitors', 'nb_users', 'nb_actions', 'max_actions', 'sum_visit_length', 'bounce_count', 'nb_visits_converted', 'bounce_rate', 'nb_actions_per_visit', 'avg_time_on_site']) as metric) as m
        left join report_cells as c on c.report_row_id = x.report_row_id and c.metric = m.metric
    ),
    mart_long as (
        select site_id, period, date, report_params, label, 'nb_visits' as metric,
               cast("nb_visits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_uniq_visitors' as metric,
               cast("nb_uniq_visitors" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_users' as metric,
               cast("nb_users" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_actions' as metric,
               cast("nb_actions" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'max_actions' as metric,
               cast("max_actions" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'sum_visit_length' as metric,
               cast("sum_visit_length" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'bounce_count' as metric,
               cast("bounce_count" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_visits_converted' as metric,
               cast("nb_visits_converted" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'bounce_rate' as metric,
               cast("bounce_rate" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_actions_per_visit' as metric,
               cast("nb_actions_per_visit" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'avg_time_on_site' as metric,
               cast("avg_time_on_site" as double) as value
        from mart 
    )
    select
        coalesce(x.site_id, y.site_id) as site_id,
        coalesce(x.period, y.period) as period,
        coalesce(x.date, y.date) as date,
        'VisitsSummary.get' as report,
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
    union all
    (
    with scope as (
        select distinct site_id, period, date from "corrupted"."matomo_intermediate"."int_metrics__periods"
        where period in ('week', 'month')
    ),
    report_cells as (
        select r.report_row_id, r.id_site as site_id, r.period, r.period_date as date, r.report_params,
               label as label, r.is_summary_row, r.metric, r.metric_value
        from "corrupted"."matomo_staging"."stg_matomo__report_rows" as r
        inner join scope as s on s.site_id = r.id_site and s.period = r.period and s.date = r.period_date
        where r.report_table = 'report_visits_summary_get' and r.segment = '' and (true)
    ),
    matomo as (
        select distinct report_row_id, site_id, period, date, report_params, label, is_summary_row
        from report_cells
    ),
    loaded as (
        select l.id_site as site_id, l.period, l.period_date as date, l.report_params
        from "corrupted"."matomo_staging"."stg_matomo__report_loads" as l
        where l.method = 'VisitsSummary.get' and l.segment = ''
        union
        select site_id, period, date, report_params from matomo
    ),
    mart as (
        select m.* from (select *, '' as report_params, '' as label from "corrupted"."matomo"."metrics_visits_summary" where period <> 'day') as m
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
        cross join (select unnest(['nb_uniq_visitors', 'nb_users']) as metric) as m
        left join report_cells as c on c.report_row_id = x.report_row_id and c.metric = m.metric
    ),
    mart_long as (
        select site_id, period, date, report_params, label, 'nb_uniq_visitors' as metric,
               cast("nb_uniq_visitors" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_users' as metric,
               cast("nb_users" as double) as value
        from mart 
    )
    select
        coalesce(x.site_id, y.site_id) as site_id,
        coalesce(x.period, y.period) as period,
        coalesce(x.date, y.date) as date,
        'VisitsSummary.get (week/month)' as report,
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
    union all
    (
    with scope as (
        select distinct site_id, period, date from "corrupted"."matomo_intermediate"."int_metrics__periods"
        where period in ('day')
    ),
    report_cells as (
        select r.report_row_id, r.id_site as site_id, r.period, r.period_date as date, r.report_params,
               label as label, r.is_summary_row, r.metric, r.metric_value
        from "corrupted"."matomo_staging"."stg_matomo__report_rows" as r
        inner join scope as s on s.site_id = r.id_site and s.period = r.period and s.date = r.period_date
        where r.report_table = 'report_actions_get' and r.segment = '' and (true)
    ),
    matomo as (
        select distinct report_row_id, site_id, period, date, report_params, label, is_summary_row
        from report_cells
    ),
    loaded as (
        select l.id_site as site_id, l.period, l.period_date as date, l.report_params
        from "corrupted"."matomo_staging"."stg_matomo__report_loads" as l
        where l.method = 'Actions.get' and l.segment = ''
        union
        select site_id, period, date, report_params from matomo
    ),
    mart as (
        select m.* from (select *, '' as report_params, '' as label from "corrupted"."matomo"."metrics_actions") as m
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
        cross join (select unnest(['nb_pageviews', 'nb_uniq_pageviews', 'nb_downloads', 'nb_uniq_downloads', 'nb_outlinks', 'nb_uniq_outlinks', 'nb_searches', 'nb_keywords']) as metric) as m
        left join report_cells as c on c.report_row_id = x.report_row_id and c.metric = m.metric
    ),
    mart_long as (
        select site_id, period, date, report_params, label, 'nb_pageviews' as metric,
               cast("nb_pageviews" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_uniq_pageviews' as metric,
               cast("nb_uniq_pageviews" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_downloads' as metric,
               cast("nb_downloads" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_uniq_downloads' as metric,
               cast("nb_uniq_downloads" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_outlinks' as metric,
               cast("nb_outlinks" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_uniq_outlinks' as metric,
               cast("nb_uniq_outlinks" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_searches' as metric,
               cast("nb_searches" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_keywords' as metric,
               cast("nb_keywords" as double) as value
        from mart 
    )
    select
        coalesce(x.site_id, y.site_id) as site_id,
        coalesce(x.period, y.period) as period,
        coalesce(x.date, y.date) as date,
        'Actions.get' as report,
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
    union all
    (
    with scope as (
        select distinct site_id, period, date from "corrupted"."matomo_intermediate"."int_metrics__periods"
        where period in ('day')
    ),
    report_cells as (
        select r.report_row_id, r.id_site as site_id, r.period, r.period_date as date, r.report_params,
               label as label, r.is_summary_row, r.metric, r.metric_value
        from "corrupted"."matomo_staging"."stg_matomo__report_rows" as r
        inner join scope as s on s.site_id = r.id_site and s.period = r.period and s.date = r.period_date
        where r.report_table = 'report_actions_get_page_urls' and r.segment = '' and (true)
    ),
    matomo as (
        select distinct report_row_id, site_id, period, date, report_params, label, is_summary_row
        from report_cells
    ),
    loaded as (
        select l.id_site as site_id, l.period, l.period_date as date, l.report_params
        from "corrupted"."matomo_staging"."stg_matomo__report_loads" as l
        where l.method = 'Actions.getPageUrls' and l.segment = ''
        union
        select site_id, period, date, report_params from matomo
    ),
    mart as (
        select m.* from (select *, '' as report_params from "corrupted"."matomo"."metrics_page_urls") as m
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
        cross join (select unnest(['nb_hits', 'nb_visits', 'entry_nb_visits', 'entry_nb_actions', 'entry_sum_visit_length', 'entry_bounce_count', 'exit_nb_visits', 'sum_time_spent', 'bounce_rate', 'exit_rate', 'avg_time_on_page']) as metric) as m
        left join report_cells as c on c.report_row_id = x.report_row_id and c.metric = m.metric
    ),
    mart_long as (
        select site_id, period, date, report_params, label, 'nb_hits' as metric,
               cast("nb_hits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_visits' as metric,
               cast("nb_visits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'entry_nb_visits' as metric,
               cast("entry_nb_visits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'entry_nb_actions' as metric,
               cast("entry_nb_actions" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'entry_sum_visit_length' as metric,
               cast("entry_sum_visit_length" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'entry_bounce_count' as metric,
               cast("entry_bounce_count" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'exit_nb_visits' as metric,
               cast("exit_nb_visits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'sum_time_spent' as metric,
               cast("sum_time_spent" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'bounce_rate' as metric,
               cast("bounce_rate" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'exit_rate' as metric,
               cast("exit_rate" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'avg_time_on_page' as metric,
               cast("avg_time_on_page" as double) as value
        from mart 
    )
    select
        coalesce(x.site_id, y.site_id) as site_id,
        coalesce(x.period, y.period) as period,
        coalesce(x.date, y.date) as date,
        'Actions.getPageUrls' as report,
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
    union all
    (
    with scope as (
        select distinct site_id, period, date from "corrupted"."matomo_intermediate"."int_metrics__periods"
        where period in ('day')
    ),
    report_cells as (
        select r.report_row_id, r.id_site as site_id, r.period, r.period_date as date, r.report_params,
               trim(label) as label, r.is_summary_row, r.metric, r.metric_value
        from "corrupted"."matomo_staging"."stg_matomo__report_rows" as r
        inner join scope as s on s.site_id = r.id_site and s.period = r.period and s.date = r.period_date
        where r.report_table = 'report_actions_get_page_titles' and r.segment = '' and (true)
    ),
    matomo as (
        select distinct report_row_id, site_id, period, date, report_params, label, is_summary_row
        from report_cells
    ),
    loaded as (
        select l.id_site as site_id, l.period, l.period_date as date, l.report_params
        from "corrupted"."matomo_staging"."stg_matomo__report_loads" as l
        where l.method = 'Actions.getPageTitles' and l.segment = ''
        union
        select site_id, period, date, report_params from matomo
    ),
    mart as (
        select m.* from (select *, '' as report_params from "corrupted"."matomo"."metrics_page_titles") as m
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
        cross join (select unnest(['nb_hits', 'nb_visits', 'entry_nb_visits', 'entry_nb_actions', 'entry_sum_visit_length', 'entry_bounce_count', 'exit_nb_visits', 'sum_time_spent', 'bounce_rate', 'exit_rate', 'avg_time_on_page']) as metric) as m
        left join report_cells as c on c.report_row_id = x.report_row_id and c.metric = m.metric
    ),
    mart_long as (
        select site_id, period, date, report_params, label, 'nb_hits' as metric,
               cast("nb_hits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_visits' as metric,
               cast("nb_visits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'entry_nb_visits' as metric,
               cast("entry_nb_visits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'entry_nb_actions' as metric,
               cast("entry_nb_actions" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'entry_sum_visit_length' as metric,
               cast("entry_sum_visit_length" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'entry_bounce_count' as metric,
               cast("entry_bounce_count" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'exit_nb_visits' as metric,
               cast("exit_nb_visits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'sum_time_spent' as metric,
               cast("sum_time_spent" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'bounce_rate' as metric,
               cast("bounce_rate" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'exit_rate' as metric,
               cast("exit_rate" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'avg_time_on_page' as metric,
               cast("avg_time_on_page" as double) as value
        from mart 
    )
    select
        coalesce(x.site_id, y.site_id) as site_id,
        coalesce(x.period, y.period) as period,
        coalesce(x.date, y.date) as date,
        'Actions.getPageTitles' as report,
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
    union all
    (
    with scope as (
        select distinct site_id, period, date from "corrupted"."matomo_intermediate"."int_metrics__periods"
        where period in ('day')
    ),
    report_cells as (
        select r.report_row_id, r.id_site as site_id, r.period, r.period_date as date, r.report_params,
               label as label, r.is_summary_row, r.metric, r.metric_value
        from "corrupted"."matomo_staging"."stg_matomo__report_rows" as r
        inner join scope as s on s.site_id = r.id_site and s.period = r.period and s.date = r.period_date
        where r.report_table = 'report_events_get_category' and r.segment = '' and (true)
    ),
    matomo as (
        select distinct report_row_id, site_id, period, date, report_params, label, is_summary_row
        from report_cells
    ),
    loaded as (
        select l.id_site as site_id, l.period, l.period_date as date, l.report_params
        from "corrupted"."matomo_staging"."stg_matomo__report_loads" as l
        where l.method = 'Events.getCategory' and l.segment = ''
        union
        select site_id, period, date, report_params from matomo
    ),
    mart as (
        select m.* from (select *, '' as report_params from "corrupted"."matomo"."metrics_events" where dimension = 'category') as m
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
        cross join (select unnest(['nb_events', 'nb_visits', 'sum_event_value', 'nb_events_with_value', 'min_event_value', 'max_event_value', 'avg_event_value']) as metric) as m
        left join report_cells as c on c.report_row_id = x.report_row_id and c.metric = m.metric
    ),
    mart_long as (
        select site_id, period, date, report_params, label, 'nb_events' as metric,
               cast("nb_events" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_visits' as metric,
               cast("nb_visits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'sum_event_value' as metric,
               cast("sum_event_value" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_events_with_value' as metric,
               cast("nb_events_with_value" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'min_event_value' as metric,
               cast("min_event_value" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'max_event_value' as metric,
               cast("max_event_value" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'avg_event_value' as metric,
               cast("avg_event_value" as double) as value
        from mart 
    )
    select
        coalesce(x.site_id, y.site_id) as site_id,
        coalesce(x.period, y.period) as period,
        coalesce(x.date, y.date) as date,
        'Events.getCategory' as report,
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
    union all
    (
    with scope as (
        select distinct site_id, period, date from "corrupted"."matomo_intermediate"."int_metrics__periods"
        where period in ('day')
    ),
    report_cells as (
        select r.report_row_id, r.id_site as site_id, r.period, r.period_date as date, r.report_params,
               label as label, r.is_summary_row, r.metric, r.metric_value
        from "corrupted"."matomo_staging"."stg_matomo__report_rows" as r
        inner join scope as s on s.site_id = r.id_site and s.period = r.period and s.date = r.period_date
        where r.report_table = 'report_events_get_action' and r.segment = '' and (true)
    ),
    matomo as (
        select distinct report_row_id, site_id, period, date, report_params, label, is_summary_row
        from report_cells
    ),
    loaded as (
        select l.id_site as site_id, l.period, l.period_date as date, l.report_params
        from "corrupted"."matomo_staging"."stg_matomo__report_loads" as l
        where l.method = 'Events.getAction' and l.segment = ''
        union
        select site_id, period, date, report_params from matomo
    ),
    mart as (
        select m.* from (select *, '' as report_params from "corrupted"."matomo"."metrics_events" where dimension = 'action') as m
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
        cross join (select unnest(['nb_events', 'nb_visits', 'sum_event_value', 'nb_events_with_value', 'min_event_value', 'max_event_value', 'avg_event_value']) as metric) as m
        left join report_cells as c on c.report_row_id = x.report_row_id and c.metric = m.metric
    ),
    mart_long as (
        select site_id, period, date, report_params, label, 'nb_events' as metric,
               cast("nb_events" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_visits' as metric,
               cast("nb_visits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'sum_event_value' as metric,
               cast("sum_event_value" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_events_with_value' as metric,
               cast("nb_events_with_value" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'min_event_value' as metric,
               cast("min_event_value" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'max_event_value' as metric,
               cast("max_event_value" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'avg_event_value' as metric,
               cast("avg_event_value" as double) as value
        from mart 
    )
    select
        coalesce(x.site_id, y.site_id) as site_id,
        coalesce(x.period, y.period) as period,
        coalesce(x.date, y.date) as date,
        'Events.getAction' as report,
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
    union all
    (
    with scope as (
        select distinct site_id, period, date from "corrupted"."matomo_intermediate"."int_metrics__periods"
        where period in ('day')
    ),
    report_cells as (
        select r.report_row_id, r.id_site as site_id, r.period, r.period_date as date, r.report_params,
               label as label, r.is_summary_row, r.metric, r.metric_value
        from "corrupted"."matomo_staging"."stg_matomo__report_rows" as r
        inner join scope as s on s.site_id = r.id_site and s.period = r.period and s.date = r.period_date
        where r.report_table = 'report_events_get_name' and r.segment = '' and (true)
    ),
    matomo as (
        select distinct report_row_id, site_id, period, date, report_params, label, is_summary_row
        from report_cells
    ),
    loaded as (
        select l.id_site as site_id, l.period, l.period_date as date, l.report_params
        from "corrupted"."matomo_staging"."stg_matomo__report_loads" as l
        where l.method = 'Events.getName' and l.segment = ''
        union
        select site_id, period, date, report_params from matomo
    ),
    mart as (
        select m.* from (select *, '' as report_params from "corrupted"."matomo"."metrics_events" where dimension = 'name') as m
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
        cross join (select unnest(['nb_events', 'nb_visits', 'sum_event_value', 'nb_events_with_value', 'min_event_value', 'max_event_value', 'avg_event_value']) as metric) as m
        left join report_cells as c on c.report_row_id = x.report_row_id and c.metric = m.metric
    ),
    mart_long as (
        select site_id, period, date, report_params, label, 'nb_events' as metric,
               cast("nb_events" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_visits' as metric,
               cast("nb_visits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'sum_event_value' as metric,
               cast("sum_event_value" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_events_with_value' as metric,
               cast("nb_events_with_value" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'min_event_value' as metric,
               cast("min_event_value" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'max_event_value' as metric,
               cast("max_event_value" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'avg_event_value' as metric,
               cast("avg_event_value" as double) as value
        from mart 
    )
    select
        coalesce(x.site_id, y.site_id) as site_id,
        coalesce(x.period, y.period) as period,
        coalesce(x.date, y.date) as date,
        'Events.getName' as report,
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
    union all
    (
    with scope as (
        select distinct site_id, period, date from "corrupted"."matomo_intermediate"."int_metrics__periods"
        where period in ('day')
    ),
    report_cells as (
        select r.report_row_id, r.id_site as site_id, r.period, r.period_date as date, r.report_params,
               case when report_params = '' then 'all' else replace(report_params, 'idGoal=', '') end as label, r.is_summary_row, r.metric, r.metric_value
        from "corrupted"."matomo_staging"."stg_matomo__report_rows" as r
        inner join scope as s on s.site_id = r.id_site and s.period = r.period and s.date = r.period_date
        where r.report_table = 'report_goals_get' and r.segment = '' and (true)
    ),
    matomo as (
        select distinct report_row_id, site_id, period, date, report_params, label, is_summary_row
        from report_cells
    ),
    loaded as (
        select l.id_site as site_id, l.period, l.period_date as date, l.report_params
        from "corrupted"."matomo_staging"."stg_matomo__report_loads" as l
        where l.method = 'Goals.get' and l.segment = ''
        union
        select site_id, period, date, report_params from matomo
    ),
    mart as (
        select m.* from (select *, coalesce('idGoal=' || goal_param, '') as report_params,
                coalesce(goal_param, 'all') as label from "corrupted"."matomo"."metrics_goals") as m
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
        cross join (select unnest(['nb_conversions', 'nb_visits_converted', 'revenue', 'conversion_rate', 'items', 'revenue_subtotal', 'revenue_tax', 'revenue_shipping', 'revenue_discount', 'avg_order_revenue']) as metric) as m
        left join report_cells as c on c.report_row_id = x.report_row_id and c.metric = m.metric
    ),
    mart_long as (
        select site_id, period, date, report_params, label, 'nb_conversions' as metric,
               cast("nb_conversions" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_visits_converted' as metric,
               cast("nb_visits_converted" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'revenue' as metric,
               cast("revenue" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'conversion_rate' as metric,
               cast("conversion_rate" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'items' as metric,
               cast("items" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'revenue_subtotal' as metric,
               cast("revenue_subtotal" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'revenue_tax' as metric,
               cast("revenue_tax" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'revenue_shipping' as metric,
               cast("revenue_shipping" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'revenue_discount' as metric,
               cast("revenue_discount" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'avg_order_revenue' as metric,
               cast("avg_order_revenue" as double) as value
        from mart 
    )
    select
        coalesce(x.site_id, y.site_id) as site_id,
        coalesce(x.period, y.period) as period,
        coalesce(x.date, y.date) as date,
        'Goals.get' as report,
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
    union all
    (
    with scope as (
        select distinct site_id, period, date from "corrupted"."matomo_intermediate"."int_metrics__periods"
        where period in ('day')
    ),
    report_cells as (
        select r.report_row_id, r.id_site as site_id, r.period, r.period_date as date, r.report_params,
               label as label, r.is_summary_row, r.metric, r.metric_value
        from "corrupted"."matomo_staging"."stg_matomo__report_rows" as r
        inner join scope as s on s.site_id = r.id_site and s.period = r.period and s.date = r.period_date
        where r.report_table = 'report_goals_get_items_sku' and r.segment = '' and (report_params = '')
    ),
    matomo as (
        select distinct report_row_id, site_id, period, date, report_params, label, is_summary_row
        from report_cells
    ),
    loaded as (
        select l.id_site as site_id, l.period, l.period_date as date, l.report_params
        from "corrupted"."matomo_staging"."stg_matomo__report_loads" as l
        where l.method = 'Goals.getItemsSku' and l.segment = ''
        union
        select site_id, period, date, report_params from matomo
    ),
    mart as (
        select m.* from (select *, '' as report_params from "corrupted"."matomo"."metrics_products" where dimension = 'sku') as m
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
        cross join (select unnest(['revenue', 'quantity', 'orders', 'nb_visits', 'nb_actions', 'avg_price', 'avg_quantity', 'conversion_rate']) as metric) as m
        left join report_cells as c on c.report_row_id = x.report_row_id and c.metric = m.metric
    ),
    mart_long as (
        select site_id, period, date, report_params, label, 'revenue' as metric,
               cast("revenue" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'quantity' as metric,
               cast("quantity" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'orders' as metric,
               cast("orders" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_visits' as metric,
               cast("nb_visits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_actions' as metric,
               cast("nb_actions" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'avg_price' as metric,
               cast("avg_price" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'avg_quantity' as metric,
               cast("avg_quantity" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'conversion_rate' as metric,
               cast("conversion_rate" as double) as value
        from mart 
    )
    select
        coalesce(x.site_id, y.site_id) as site_id,
        coalesce(x.period, y.period) as period,
        coalesce(x.date, y.date) as date,
        'Goals.getItemsSku' as report,
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
    union all
    (
    with scope as (
        select distinct site_id, period, date from "corrupted"."matomo_intermediate"."int_metrics__periods"
        where period in ('day')
    ),
    report_cells as (
        select r.report_row_id, r.id_site as site_id, r.period, r.period_date as date, r.report_params,
               label as label, r.is_summary_row, r.metric, r.metric_value
        from "corrupted"."matomo_staging"."stg_matomo__report_rows" as r
        inner join scope as s on s.site_id = r.id_site and s.period = r.period and s.date = r.period_date
        where r.report_table = 'report_goals_get_items_name' and r.segment = '' and (report_params = '')
    ),
    matomo as (
        select distinct report_row_id, site_id, period, date, report_params, label, is_summary_row
        from report_cells
    ),
    loaded as (
        select l.id_site as site_id, l.period, l.period_date as date, l.report_params
        from "corrupted"."matomo_staging"."stg_matomo__report_loads" as l
        where l.method = 'Goals.getItemsName' and l.segment = ''
        union
        select site_id, period, date, report_params from matomo
    ),
    mart as (
        select m.* from (select *, '' as report_params from "corrupted"."matomo"."metrics_products" where dimension = 'name') as m
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
        cross join (select unnest(['revenue', 'quantity', 'orders', 'nb_visits', 'nb_actions', 'avg_price', 'avg_quantity', 'conversion_rate']) as metric) as m
        left join report_cells as c on c.report_row_id = x.report_row_id and c.metric = m.metric
    ),
    mart_long as (
        select site_id, period, date, report_params, label, 'revenue' as metric,
               cast("revenue" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'quantity' as metric,
               cast("quantity" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'orders' as metric,
               cast("orders" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_visits' as metric,
               cast("nb_visits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_actions' as metric,
               cast("nb_actions" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'avg_price' as metric,
               cast("avg_price" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'avg_quantity' as metric,
               cast("avg_quantity" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'conversion_rate' as metric,
               cast("conversion_rate" as double) as value
        from mart 
    )
    select
        coalesce(x.site_id, y.site_id) as site_id,
        coalesce(x.period, y.period) as period,
        coalesce(x.date, y.date) as date,
        'Goals.getItemsName' as report,
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
    union all
    (
    with scope as (
        select distinct site_id, period, date from "corrupted"."matomo_intermediate"."int_metrics__periods"
        where period in ('day')
    ),
    report_cells as (
        select r.report_row_id, r.id_site as site_id, r.period, r.period_date as date, r.report_params,
               label as label, r.is_summary_row, r.metric, r.metric_value
        from "corrupted"."matomo_staging"."stg_matomo__report_rows" as r
        inner join scope as s on s.site_id = r.id_site and s.period = r.period and s.date = r.period_date
        where r.report_table = 'report_goals_get_items_category' and r.segment = '' and (report_params = '')
    ),
    matomo as (
        select distinct report_row_id, site_id, period, date, report_params, label, is_summary_row
        from report_cells
    ),
    loaded as (
        select l.id_site as site_id, l.period, l.period_date as date, l.report_params
        from "corrupted"."matomo_staging"."stg_matomo__report_loads" as l
        where l.method = 'Goals.getItemsCategory' and l.segment = ''
        union
        select site_id, period, date, report_params from matomo
    ),
    mart as (
        select m.* from (select *, '' as report_params from "corrupted"."matomo"."metrics_products" where dimension = 'category') as m
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
        cross join (select unnest(['revenue', 'quantity', 'orders', 'nb_visits', 'nb_actions', 'avg_price', 'avg_quantity', 'conversion_rate']) as metric) as m
        left join report_cells as c on c.report_row_id = x.report_row_id and c.metric = m.metric
    ),
    mart_long as (
        select site_id, period, date, report_params, label, 'revenue' as metric,
               cast("revenue" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'quantity' as metric,
               cast("quantity" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'orders' as metric,
               cast("orders" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_visits' as metric,
               cast("nb_visits" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'nb_actions' as metric,
               cast("nb_actions" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'avg_price' as metric,
               cast("avg_price" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'avg_quantity' as metric,
               cast("avg_quantity" as double) as value
        from mart union all
        select site_id, period, date, report_params, label, 'conversion_rate' as metric,
               cast("conversion_rate" as double) as value
        from mart 
    )
    select
        coalesce(x.site_id, y.site_id) as site_id,
        coalesce(x.period, y.period) as period,
        coalesce(x.date, y.date) as date,
        'Goals.getItemsCategory' as report,
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
        when not c.mart_row then 'missing_in_mart'
        when not c.matomo_row then 'missing_in_matomo'
        else 'mismatch'
    end as status
from cells as c
left join truncated as t on t.site_id = c.site_id and t.date = c.date
    );
    
  