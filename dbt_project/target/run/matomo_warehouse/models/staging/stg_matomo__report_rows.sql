
    

    create  table
      "corrupted"."matomo_staging"."stg_matomo__report_rows__dbt_tmp"
  
    
    as (
      
/*
  The Reporting API report tables the reconciliation compares, as long rows: one row per
  (report row, metric) with the metric's value as a double. No joins.

  A report table has one row per (site, period, date, segment, report_params, label) and one
  column per metric, created by the loader only once a value was seen; a table no run loaded
  yet does not exist and gives no rows. A table, not a view: reconciliation reads it once per
  report.
*/

with report_rows as (
    select
        'report_visits_summary_get' as report_table,
        
        cast("id_site" as bigint) as "id_site",
        cast("period" as TEXT) as "period",
        cast("date" as date) as "date",
        cast("segment" as TEXT) as "segment",
        cast("report_params" as TEXT) as "report_params",
        cast("label" as TEXT) as "label",
        cast("is_summary_row" as boolean) as "is_summary_row",
        cast("_dlt_id" as TEXT) as "_dlt_id",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id",
        unnest(['nb_uniq_visitors', 'nb_users', 'nb_visits', 'nb_actions', 'nb_visits_converted', 'bounce_count', 'sum_visit_length', 'max_actions', 'bounce_rate', 'nb_actions_per_visit', 'avg_time_on_site']) as metric,
        unnest([cast("nb_uniq_visitors" as double), cast("nb_users" as double), cast("nb_visits" as double), cast("nb_actions" as double), cast("nb_visits_converted" as double), cast("bounce_count" as double), cast("sum_visit_length" as double), cast("max_actions" as double), cast("bounce_rate" as double), cast("nb_actions_per_visit" as double), cast("avg_time_on_site" as double)]) as metric_value
    from "corrupted"."matomo_raw"."report_visits_summary_get"
    union all
    select
        'report_actions_get' as report_table,
        
        cast("id_site" as bigint) as "id_site",
        cast("period" as TEXT) as "period",
        cast("date" as date) as "date",
        cast("segment" as TEXT) as "segment",
        cast("report_params" as TEXT) as "report_params",
        cast("label" as TEXT) as "label",
        cast("is_summary_row" as boolean) as "is_summary_row",
        cast("_dlt_id" as TEXT) as "_dlt_id",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id",
        unnest(['nb_pageviews', 'nb_uniq_pageviews', 'nb_downloads', 'nb_uniq_downloads', 'nb_outlinks', 'nb_uniq_outlinks', 'nb_searches', 'nb_keywords']) as metric,
        unnest([cast("nb_pageviews" as double), cast("nb_uniq_pageviews" as double), cast("nb_downloads" as double), cast("nb_uniq_downloads" as double), cast("nb_outlinks" as double), cast("nb_uniq_outlinks" as double), cast("nb_searches" as double), cast("nb_keywords" as double)]) as metric_value
    from "corrupted"."matomo_raw"."report_actions_get"
    union all
    select
        'report_actions_get_page_urls' as report_table,
        
        cast("id_site" as bigint) as "id_site",
        cast("period" as TEXT) as "period",
        cast("date" as date) as "date",
        cast("segment" as TEXT) as "segment",
        cast("report_params" as TEXT) as "report_params",
        cast("label" as TEXT) as "label",
        cast("is_summary_row" as boolean) as "is_summary_row",
        cast("_dlt_id" as TEXT) as "_dlt_id",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id",
        unnest(['nb_visits', 'nb_uniq_visitors', 'nb_hits', 'sum_time_spent', 'nb_hits_with_time_network', 'min_time_network', 'max_time_network', 'nb_hits_with_time_server', 'min_time_server', 'max_time_server', 'nb_hits_with_time_transfer', 'min_time_transfer', 'max_time_transfer', 'nb_hits_with_time_dom_processing', 'min_time_dom_processing', 'max_time_dom_processing', 'nb_hits_with_time_dom_completion', 'min_time_dom_completion', 'max_time_dom_completion', 'nb_hits_with_time_on_load', 'min_time_on_load', 'max_time_on_load', 'entry_nb_uniq_visitors', 'entry_nb_visits', 'entry_nb_actions', 'entry_sum_visit_length', 'entry_bounce_count', 'exit_nb_uniq_visitors', 'exit_nb_visits', 'avg_time_network', 'avg_time_server', 'avg_time_transfer', 'avg_time_dom_processing', 'avg_time_dom_completion', 'avg_time_on_load', 'avg_page_load_time', 'avg_time_on_page', 'bounce_rate', 'exit_rate', 'nb_hits_following_search', 'sum_daily_nb_uniq_visitors', 'sum_daily_entry_nb_uniq_visitors', 'sum_daily_exit_nb_uniq_visitors']) as metric,
        unnest([cast("nb_visits" as double), cast("nb_uniq_visitors" as double), cast("nb_hits" as double), cast("sum_time_spent" as double), cast("nb_hits_with_time_network" as double), cast("min_time_network" as double), cast("max_time_network" as double), cast("nb_hits_with_time_server" as double), cast("min_time_server" as double), cast("max_time_server" as double), cast("nb_hits_with_time_transfer" as double), cast("min_time_transfer" as double), cast("max_time_transfer" as double), cast("nb_hits_with_time_dom_processing" as double), cast("min_time_dom_processing" as double), cast("max_time_dom_processing" as double), cast("nb_hits_with_time_dom_completion" as double), cast("min_time_dom_completion" as double), cast("max_time_dom_completion" as double), cast("nb_hits_with_time_on_load" as double), cast("min_time_on_load" as double), cast("max_time_on_load" as double), cast("entry_nb_uniq_visitors" as double), cast("entry_nb_visits" as double), cast("entry_nb_actions" as double), cast("entry_sum_visit_length" as double), cast("entry_bounce_count" as double), cast("exit_nb_uniq_visitors" as double), cast("exit_nb_visits" as double), cast("avg_time_network" as double), cast("avg_time_server" as double), cast("avg_time_transfer" as double), cast("avg_time_dom_processing" as double), cast("avg_time_dom_completion" as double), cast("avg_time_on_load" as double), cast("avg_page_load_time" as double), cast("avg_time_on_page" as double), cast("bounce_rate" as double), cast("exit_rate" as double), cast("nb_hits_following_search" as double), cast("sum_daily_nb_uniq_visitors" as double), cast("sum_daily_entry_nb_uniq_visitors" as double), cast("sum_daily_exit_nb_uniq_visitors" as double)]) as metric_value
    from "corrupted"."matomo_raw"."report_actions_get_page_urls"
    union all
    select
        'report_actions_get_page_titles' as report_table,
        
        cast("id_site" as bigint) as "id_site",
        cast("period" as TEXT) as "period",
        cast("date" as date) as "date",
        cast("segment" as TEXT) as "segment",
        cast("report_params" as TEXT) as "report_params",
        cast("label" as TEXT) as "label",
        cast("is_summary_row" as boolean) as "is_summary_row",
        cast("_dlt_id" as TEXT) as "_dlt_id",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id",
        unnest(['nb_visits', 'nb_uniq_visitors', 'nb_hits', 'sum_time_spent', 'nb_hits_with_time_network', 'min_time_network', 'max_time_network', 'nb_hits_with_time_server', 'min_time_server', 'max_time_server', 'nb_hits_with_time_transfer', 'min_time_transfer', 'max_time_transfer', 'nb_hits_with_time_dom_processing', 'min_time_dom_processing', 'max_time_dom_processing', 'nb_hits_with_time_dom_completion', 'min_time_dom_completion', 'max_time_dom_completion', 'nb_hits_with_time_on_load', 'min_time_on_load', 'max_time_on_load', 'entry_nb_uniq_visitors', 'entry_nb_visits', 'entry_nb_actions', 'entry_sum_visit_length', 'entry_bounce_count', 'exit_nb_uniq_visitors', 'exit_nb_visits', 'avg_time_network', 'avg_time_server', 'avg_time_transfer', 'avg_time_dom_processing', 'avg_time_dom_completion', 'avg_time_on_load', 'avg_page_load_time', 'avg_time_on_page', 'bounce_rate', 'exit_rate', 'nb_hits_following_search', 'sum_daily_nb_uniq_visitors', 'sum_daily_entry_nb_uniq_visitors', 'sum_daily_exit_nb_uniq_visitors']) as metric,
        unnest([cast("nb_visits" as double), cast("nb_uniq_visitors" as double), cast("nb_hits" as double), cast("sum_time_spent" as double), cast("nb_hits_with_time_network" as double), cast("min_time_network" as double), cast("max_time_network" as double), cast("nb_hits_with_time_server" as double), cast("min_time_server" as double), cast("max_time_server" as double), cast("nb_hits_with_time_transfer" as double), cast("min_time_transfer" as double), cast("max_time_transfer" as double), cast("nb_hits_with_time_dom_processing" as double), cast("min_time_dom_processing" as double), cast("max_time_dom_processing" as double), cast("nb_hits_with_time_dom_completion" as double), cast("min_time_dom_completion" as double), cast("max_time_dom_completion" as double), cast("nb_hits_with_time_on_load" as double), cast("min_time_on_load" as double), cast("max_time_on_load" as double), cast("entry_nb_uniq_visitors" as double), cast("entry_nb_visits" as double), cast("entry_nb_actions" as double), cast("entry_sum_visit_length" as double), cast("entry_bounce_count" as double), cast("exit_nb_uniq_visitors" as double), cast("exit_nb_visits" as double), cast("avg_time_network" as double), cast("avg_time_server" as double), cast("avg_time_transfer" as double), cast("avg_time_dom_processing" as double), cast("avg_time_dom_completion" as double), cast("avg_time_on_load" as double), cast("avg_page_load_time" as double), cast("avg_time_on_page" as double), cast("bounce_rate" as double), cast("exit_rate" as double), cast("nb_hits_following_search" as double), cast("sum_daily_nb_uniq_visitors" as double), cast("sum_daily_entry_nb_uniq_visitors" as double), cast("sum_daily_exit_nb_uniq_visitors" as double)]) as metric_value
    from "corrupted"."matomo_raw"."report_actions_get_page_titles"
    union all
    select
        'report_events_get_category' as report_table,
        
        cast("id_site" as bigint) as "id_site",
        cast("period" as TEXT) as "period",
        cast("date" as date) as "date",
        cast("segment" as TEXT) as "segment",
        cast("report_params" as TEXT) as "report_params",
        cast("label" as TEXT) as "label",
        cast("is_summary_row" as boolean) as "is_summary_row",
        cast("_dlt_id" as TEXT) as "_dlt_id",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id",
        unnest(['nb_uniq_visitors', 'nb_visits', 'nb_events', 'nb_events_with_value', 'sum_event_value', 'min_event_value', 'max_event_value', 'avg_event_value', 'idsubdatatable', 'sum_daily_nb_uniq_visitors']) as metric,
        unnest([cast("nb_uniq_visitors" as double), cast("nb_visits" as double), cast("nb_events" as double), cast("nb_events_with_value" as double), cast("sum_event_value" as double), cast("min_event_value" as double), cast("max_event_value" as double), cast("avg_event_value" as double), cast("idsubdatatable" as double), cast("sum_daily_nb_uniq_visitors" as double)]) as metric_value
    from "corrupted"."matomo_raw"."report_events_get_category"
    union all
    select
        'report_events_get_action' as report_table,
        
        cast("id_site" as bigint) as "id_site",
        cast("period" as TEXT) as "period",
        cast("date" as date) as "date",
        cast("segment" as TEXT) as "segment",
        cast("report_params" as TEXT) as "report_params",
        cast("label" as TEXT) as "label",
        cast("is_summary_row" as boolean) as "is_summary_row",
        cast("_dlt_id" as TEXT) as "_dlt_id",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id",
        unnest(['nb_uniq_visitors', 'nb_visits', 'nb_events', 'nb_events_with_value', 'sum_event_value', 'min_event_value', 'max_event_value', 'avg_event_value', 'idsubdatatable', 'sum_daily_nb_uniq_visitors']) as metric,
        unnest([cast("nb_uniq_visitors" as double), cast("nb_visits" as double), cast("nb_events" as double), cast("nb_events_with_value" as double), cast("sum_event_value" as double), cast("min_event_value" as double), cast("max_event_value" as double), cast("avg_event_value" as double), cast("idsubdatatable" as double), cast("sum_daily_nb_uniq_visitors" as double)]) as metric_value
    from "corrupted"."matomo_raw"."report_events_get_action"
    union all
    select
        'report_events_get_name' as report_table,
        
        cast("id_site" as bigint) as "id_site",
        cast("period" as TEXT) as "period",
        cast("date" as date) as "date",
        cast("segment" as TEXT) as "segment",
        cast("report_params" as TEXT) as "report_params",
        cast("label" as TEXT) as "label",
        cast("is_summary_row" as boolean) as "is_summary_row",
        cast("_dlt_id" as TEXT) as "_dlt_id",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id",
        unnest(['nb_uniq_visitors', 'nb_visits', 'nb_events', 'nb_events_with_value', 'sum_event_value', 'min_event_value', 'max_event_value', 'avg_event_value', 'idsubdatatable', 'sum_daily_nb_uniq_visitors']) as metric,
        unnest([cast("nb_uniq_visitors" as double), cast("nb_visits" as double), cast("nb_events" as double), cast("nb_events_with_value" as double), cast("sum_event_value" as double), cast("min_event_value" as double), cast("max_event_value" as double), cast("avg_event_value" as double), cast("idsubdatatable" as double), cast("sum_daily_nb_uniq_visitors" as double)]) as metric_value
    from "corrupted"."matomo_raw"."report_events_get_name"
    union all
    select
        'report_goals_get' as report_table,
        
        cast("id_site" as bigint) as "id_site",
        cast("period" as TEXT) as "period",
        cast("date" as date) as "date",
        cast("segment" as TEXT) as "segment",
        cast("report_params" as TEXT) as "report_params",
        cast("label" as TEXT) as "label",
        cast("is_summary_row" as boolean) as "is_summary_row",
        cast("_dlt_id" as TEXT) as "_dlt_id",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id",
        unnest(['nb_conversions', 'nb_visits_converted', 'revenue', 'conversion_rate', 'nb_conversions_new_visit', 'nb_visits_converted_new_visit', 'revenue_new_visit', 'conversion_rate_new_visit', 'nb_conversions_returning_visit', 'nb_visits_converted_returning_visit', 'revenue_returning_visit', 'conversion_rate_returning_visit', 'revenue_subtotal', 'revenue_tax', 'revenue_shipping', 'revenue_discount', 'items', 'avg_order_revenue', 'revenue_subtotal_new_visit', 'revenue_tax_new_visit', 'revenue_shipping_new_visit', 'revenue_discount_new_visit', 'items_new_visit', 'avg_order_revenue_new_visit', 'revenue_subtotal_returning_visit', 'revenue_tax_returning_visit', 'revenue_shipping_returning_visit', 'revenue_discount_returning_visit', 'items_returning_visit', 'avg_order_revenue_returning_visit']) as metric,
        unnest([cast("nb_conversions" as double), cast("nb_visits_converted" as double), cast("revenue" as double), cast("conversion_rate" as double), cast("nb_conversions_new_visit" as double), cast("nb_visits_converted_new_visit" as double), cast("revenue_new_visit" as double), cast("conversion_rate_new_visit" as double), cast("nb_conversions_returning_visit" as double), cast("nb_visits_converted_returning_visit" as double), cast("revenue_returning_visit" as double), cast("conversion_rate_returning_visit" as double), cast("revenue_subtotal" as double), cast("revenue_tax" as double), cast("revenue_shipping" as double), cast("revenue_discount" as double), cast("items" as double), cast("avg_order_revenue" as double), cast("revenue_subtotal_new_visit" as double), cast("revenue_tax_new_visit" as double), cast("revenue_shipping_new_visit" as double), cast("revenue_discount_new_visit" as double), cast("items_new_visit" as double), cast("avg_order_revenue_new_visit" as double), cast("revenue_subtotal_returning_visit" as double), cast("revenue_tax_returning_visit" as double), cast("revenue_shipping_returning_visit" as double), cast("revenue_discount_returning_visit" as double), cast("items_returning_visit" as double), cast("avg_order_revenue_returning_visit" as double)]) as metric_value
    from "corrupted"."matomo_raw"."report_goals_get"
    union all
    select
        'report_goals_get_items_sku' as report_table,
        
        cast("id_site" as bigint) as "id_site",
        cast("period" as TEXT) as "period",
        cast("date" as date) as "date",
        cast("segment" as TEXT) as "segment",
        cast("report_params" as TEXT) as "report_params",
        cast("label" as TEXT) as "label",
        cast("is_summary_row" as boolean) as "is_summary_row",
        cast("_dlt_id" as TEXT) as "_dlt_id",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id",
        unnest(['revenue', 'quantity', 'orders', 'nb_visits', 'nb_uniq_visitors', 'nb_actions', 'avg_price', 'avg_quantity', 'conversion_rate', 'sum_daily_nb_uniq_visitors']) as metric,
        unnest([cast("revenue" as double), cast("quantity" as double), cast("orders" as double), cast("nb_visits" as double), cast("nb_uniq_visitors" as double), cast("nb_actions" as double), cast("avg_price" as double), cast("avg_quantity" as double), cast("conversion_rate" as double), cast("sum_daily_nb_uniq_visitors" as double)]) as metric_value
    from "corrupted"."matomo_raw"."report_goals_get_items_sku"
    union all
    select
        'report_goals_get_items_name' as report_table,
        
        cast("id_site" as bigint) as "id_site",
        cast("period" as TEXT) as "period",
        cast("date" as date) as "date",
        cast("segment" as TEXT) as "segment",
        cast("report_params" as TEXT) as "report_params",
        cast("label" as TEXT) as "label",
        cast("is_summary_row" as boolean) as "is_summary_row",
        cast("_dlt_id" as TEXT) as "_dlt_id",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id",
        unnest(['revenue', 'quantity', 'orders', 'nb_visits', 'nb_uniq_visitors', 'nb_actions', 'avg_price', 'avg_quantity', 'conversion_rate', 'sum_daily_nb_uniq_visitors']) as metric,
        unnest([cast("revenue" as double), cast("quantity" as double), cast("orders" as double), cast("nb_visits" as double), cast("nb_uniq_visitors" as double), cast("nb_actions" as double), cast("avg_price" as double), cast("avg_quantity" as double), cast("conversion_rate" as double), cast("sum_daily_nb_uniq_visitors" as double)]) as metric_value
    from "corrupted"."matomo_raw"."report_goals_get_items_name"
    union all
    select
        'report_goals_get_items_category' as report_table,
        
        cast("id_site" as bigint) as "id_site",
        cast("period" as TEXT) as "period",
        cast("date" as date) as "date",
        cast("segment" as TEXT) as "segment",
        cast("report_params" as TEXT) as "report_params",
        cast("label" as TEXT) as "label",
        cast("is_summary_row" as boolean) as "is_summary_row",
        cast("_dlt_id" as TEXT) as "_dlt_id",
        cast("_dlt_load_id" as TEXT) as "_dlt_load_id",
        unnest(['revenue', 'quantity', 'orders', 'nb_visits', 'nb_uniq_visitors', 'nb_actions', 'avg_price', 'avg_quantity', 'conversion_rate', 'sum_daily_nb_uniq_visitors']) as metric,
        unnest([cast("revenue" as double), cast("quantity" as double), cast("orders" as double), cast("nb_visits" as double), cast("nb_uniq_visitors" as double), cast("nb_actions" as double), cast("avg_price" as double), cast("avg_quantity" as double), cast("conversion_rate" as double), cast("sum_daily_nb_uniq_visitors" as double)]) as metric_value
    from "corrupted"."matomo_raw"."report_goals_get_items_category"
    

)

select
    report_table,
    id_site,
    period,
    date as period_date,
    coalesce(segment, '') as segment,
    coalesce(report_params, '') as report_params,
    label,
    coalesce(is_summary_row, false) as is_summary_row,
    _dlt_id as report_row_id,
    metric,
    metric_value,
    _dlt_load_id as dlt_load_id
from report_rows
    );
    
  