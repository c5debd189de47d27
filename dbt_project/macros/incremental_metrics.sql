{#-
  Incremental metric marts: which (site, local day) to re-process.

  A metric mart stores in `dlt_load_id` the newest load id of its inputs when it was built
  (matomo_metrics_load_id). On an incremental run it re-processes:
  - every loaded day within `matomo__lookback_days` of the newest day already in the mart
    (per site; all days of a site the mart has no day row for yet);
  - every day a changed visit touches: the visit's day and the days of all its actions, for
    every visit with a visit or action row newer than the mart's load id (a re-loaded visit
    also changes time on page, entry/exit pages of days it touched before);
  - every day the loader (re)read since (load_audit).
  Day rows of those days are recomputed from all the data of the day (delete+insert on
  site, period, date); week / month rows for the periods that contain one of them.
-#}
{% macro matomo_metrics_load_id() -%}
    (select max(load_id) from (
        select max(dlt_load_id) as load_id from {{ ref('stg_matomo__load_audit') }}
        union all
        select max(dlt_load_id) from {{ ref('int_matomo__visits') }}
        union all
        select max(dlt_load_id) from {{ ref('int_matomo__actions') }}
    ))
{%- endmacro %}

{#- SELECT of (site_id, day) to re-process (only valid inside is_incremental()). -#}
{% macro matomo_metrics_reprocess_days() -%}
    {%- set lookback = var('matomo__lookback_days', 3) | int -%}
    {%- set seen = matomo_seen_load_id() -%}
    {%- set changed_visits -%}
        select id_site, id_visit from {{ ref('int_matomo__visits') }} where dlt_load_id > {{ seen }}
        union
        select id_site, id_visit from {{ ref('int_matomo__actions') }} where dlt_load_id > {{ seen }}
    {%- endset %}
    select p.site_id, p.day
    from {{ ref('int_metrics__periods') }} as p
    where p.period = 'day'
      and p.day >= coalesce(
            (select {{ dbt.dateadd('day', -1 * lookback, 'max(t.date)') }}
             from {{ this }} as t where t.site_id = p.site_id and t.period = 'day'),
            cast('0001-01-01' as date))
    union
    select p.site_id, p.day
    from {{ ref('int_metrics__periods') }} as p
    inner join (
        select id_site, visit_date as day from {{ ref('stg_matomo__load_audit') }}
        where dlt_load_id > {{ seen }}
        union
        select v.id_site, v.visit_date
        from {{ ref('int_matomo__visits') }} as v
        semi join ({{ changed_visits }}) as c using (id_site, id_visit)
        union
        select a.id_site, a.action_local_date
        from {{ ref('int_matomo__actions') }} as a
        semi join ({{ changed_visits }}) as c using (id_site, id_visit)
    ) as changed on changed.id_site = p.site_id and changed.day = p.day
    where p.period = 'day'
{%- endmacro %}

{#- int_metrics__periods rows (site_id, period, date, day) to (re)build: all of them on a full
    build; incrementally, every period (day, week, month) containing a re-processed day, with
    all its days. -#}
{% macro matomo_metrics_periods() -%}
    select p.* from {{ ref('int_metrics__periods') }} as p
    {%- if is_incremental() %}
    semi join (
        select distinct q.site_id, q.period, q.date
        from {{ ref('int_metrics__periods') }} as q
        semi join ({{ matomo_metrics_reprocess_days() }}) as r using (site_id, day)
    ) as k using (site_id, period, date)
    {%- endif %}
{%- endmacro %}
