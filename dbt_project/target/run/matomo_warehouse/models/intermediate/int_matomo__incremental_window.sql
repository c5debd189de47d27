
    

    create  table
      "corrupted"."matomo_intermediate"."int_matomo__incremental_window__dbt_tmp"
  
    
    as (
      
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

with visits as (

    select id_site, id_visit, site_timezone, last_action_epoch, dlt_load_id
    from "corrupted"."matomo_staging"."stg_matomo__visits"

),

actions as (

    select id_site, id_visit, local_epoch, dlt_load_id
    from "corrupted"."matomo_staging"."stg_matomo__visit_actions"

),

load_audit as (

    select id_site, visit_date, dlt_load_id
    from "corrupted"."matomo_staging"."stg_matomo__load_audit"

),

sites as (

    select id_site, timezone
    from "corrupted"."matomo_staging"."stg_matomo__sites"

),

loaded_days as (

    select site_id, day
    from "corrupted"."matomo_intermediate"."int_metrics__periods"
    where period = 'day'

),

visits_localized as (

    select v.id_site, v.id_visit, v.last_action_epoch, coalesce(s.timezone, v.site_timezone) as timezone
    from visits as v
    left join sites as s on s.id_site = v.id_site

),

windows as (

    -- typed, empty: the union below may have no branch (no incremental model exists yet)
    select
        cast(null as TEXT) as model_name,
        cast(null as TEXT) as window_kind,
        cast(null as bigint) as id_site,
        cast(null as bigint) as id_visit,
        cast(null as date) as day
    where false

)

select model_name, window_kind, id_site, id_visit, day
from windows
    );
    
  