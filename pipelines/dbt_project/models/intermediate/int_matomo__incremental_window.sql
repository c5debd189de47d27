{{ config(materialized='table') }}
/*
  What every incremental model re-processes on this run, computed once, before them (they
  read this model; the snowplow "new event limits" pattern). Rebuilt on every run from the
  staging layer and the current state of each incremental model (its relation as the previous
  run left it: read by name, not ref(), because it is downstream). A model that does not
  exist yet, or a --full-refresh, builds everything and ignores this model.

  One row per (model_name, window_kind, id_site, id_visit | day):
  - changed_visit: a visit with a visit or action row written by a load newer than the newest
    load id already in the model. Whole visits are re-processed (delete+insert on the visit),
    because time on page and entry/exit pages depend on the whole visit. Site timezones and
    goal settings are metadata: changing them needs --full-refresh.
  - since_day (visit-grained marts): per site, the newest visit_date in the model minus
    matomo__lookback_days; visits of that day or later are re-processed too.
  - reprocess_day (metric marts): a loaded day within matomo__lookback_days of the newest day
    in the mart (every day of a site the mart has no row for), a day the loader (re)read since
    (load_audit), or a day a changed visit touches (its visit day and the days of its actions).
    The marts rebuild the day, week and month rows of the periods containing one.
*/
{%- set lookback = var('matomo__lookback_days', 3) | int %}
{%- set visit_models = ['int_matomo__actions', 'int_matomo__visits', 'int_matomo__time_on_page',
                        'int_matomo__pageviews', 'fct_visits', 'fct_actions', 'fct_pageviews',
                        'int_matomo__visit_labels_devices', 'int_matomo__visit_labels_interest',
                        'int_matomo__visit_labels_lookups', 'int_matomo__visit_labels_referrers',
                        'int_matomo__visit_labels_time'] %}
{%- set since_models = ['fct_visits', 'fct_actions', 'fct_pageviews'] %}
{%- set metric_models = metric_marts() %}

with visits as (

    select id_site, id_visit, site_timezone, last_action_epoch, dlt_load_id
    from {{ ref('stg_matomo__visits') }}

),

actions as (

    select id_site, id_visit, local_epoch, dlt_load_id
    from {{ ref('stg_matomo__visit_actions') }}

),

load_audit as (

    select id_site, visit_date, dlt_load_id
    from {{ ref('stg_matomo__load_audit') }}

),

sites as (

    select id_site, timezone
    from {{ ref('stg_matomo__sites') }}

),

loaded_days as (

    select site_id, day
    from {{ ref('int_metrics__periods') }}
    where period = 'day'

),

visits_localized as (

    select v.id_site, v.id_visit, v.last_action_epoch, coalesce(s.timezone, v.site_timezone) as timezone
    from visits as v
    left join sites as s on s.id_site = v.id_site

),
{%- set built = [] %}
{%- for model_name in visit_models + metric_models %}
{%- set relation = incremental_relation(model_name) %}
{%- if relation is not none %}
{%- do built.append((model_name, relation)) %}
{%- endif %}
{%- endfor %}
{#- the newest load id already in each model, read once now (literals below) -#}
{%- set seen = seen_load_ids(built) %}
{%- set newer_than = seen.values() | reject('equalto', '') | list | sort | first %}
{%- if built %}

-- every visit with a visit or action row newer than the oldest of the models' newest load ids:
-- one scan of the raw rows for all models; a model's changed visits are those whose newest
-- load id is newer than its own (the loader rewrites a whole visit with one new load id)
visit_loads as (

    select id_site, id_visit, max(dlt_load_id) as load_id
    from (
        select id_site, id_visit, dlt_load_id from visits where dlt_load_id > '{{ newer_than or '' }}'
        union all
        select id_site, id_visit, dlt_load_id from actions where dlt_load_id > '{{ newer_than or '' }}'
    ) as newer
    group by id_site, id_visit

),

-- the local days each of those visits touches: its visit day and the days of all its actions
touched_days as (

    select v.id_site, v.id_visit, cast({{ epoch_to_local_timestamp('v.last_action_epoch', 'v.timezone') }} as date) as day
    from visits_localized as v
    where (v.id_site, v.id_visit) in (select id_site, id_visit from visit_loads)
    union
    select a.id_site, a.id_visit, cast({{ local_epoch_to_timestamp('a.local_epoch') }} as date)
    from actions as a
    where (a.id_site, a.id_visit) in (select id_site, id_visit from visit_loads)

),
{%- endif %}

windows as (

    -- typed, empty: the union below may have no branch (no incremental model exists yet)
    select
        cast(null as {{ dbt.type_string() }}) as model_name,
        cast(null as {{ dbt.type_string() }}) as window_kind,
        cast(null as {{ dbt.type_bigint() }}) as id_site,
        cast(null as {{ dbt.type_bigint() }}) as id_visit,
        cast(null as date) as day
    where false
    {%- for model_name, relation in built %}
    {%- set model_seen = seen.get(model_name, '') %}

    union all
    -- {{ model_name }}: visits changed since its newest load id {{ model_seen or '(none: all)' }}
    select '{{ model_name }}', 'changed_visit', id_site, id_visit, null
    {%- if model_seen %}
    from visit_loads
    where load_id > '{{ model_seen }}'
    {%- else %}
    from (select id_site, id_visit from visits union select id_site, id_visit from actions) as every_visit
    {%- endif %}
    {%- if model_name in since_models %}

    union all
    select '{{ model_name }}', 'since_day', t.site_id, null,
           cast({{ dbt.dateadd('day', -1 * lookback, 'max(t.visit_date)') }} as date)
    from {{ relation }} as t
    group by t.site_id
    {%- endif %}
    {%- if model_name in metric_models %}

    union all
    select '{{ model_name }}', 'reprocess_day', d.site_id, null, d.day
    from loaded_days as d
    where d.day >= coalesce(
        (
            select cast({{ dbt.dateadd('day', -1 * lookback, 'max(t.date)') }} as date)
            from {{ relation }} as t where t.site_id = d.site_id and t.period = 'day'
        ),
        cast('0001-01-01' as date)
    )
    {%- if model_seen %}

    union
    select '{{ model_name }}', 'reprocess_day', d.site_id, null, d.day
    from loaded_days as d
    inner join (
        select id_site, visit_date as day from load_audit where dlt_load_id > '{{ model_seen }}'
        union
        select t.id_site, t.day
        from touched_days as t
        inner join visit_loads as l on l.id_site = t.id_site and l.id_visit = t.id_visit
        where l.load_id > '{{ model_seen }}'
    ) as touched on touched.id_site = d.site_id and touched.day = d.day
    {%- else %}

    union
    -- nothing seen yet: every loaded day
    select '{{ model_name }}', 'reprocess_day', d.site_id, null, d.day
    from loaded_days as d
    {%- endif %}
    {%- endif %}
    {%- endfor %}

)

select model_name, window_kind, id_site, id_visit, day
from windows
