/*
  Labels a visit-dimension report lists on every period with visits, even with no visit of
  their own (one row per report and label):
  - DevicesDetection.getType: every device type (API getType adds the known types with 0
    visits): such a row has nb_visits 0 and no other metric;
  - VisitTime local / server time: all 24 hours (RecordBuilders ensureAllHoursAreSet): rows of
    zeros;
  - VisitorInterest duration / pages: all 10 buckets (ranged-column SQL), nb_visits 0.
  zero_metrics: the empty row carries every visit metric as 0 (else only nb_visits).
  range_min / range_max: VisitorInterest bucket bounds (int_matomo__visit_labels_interest).
*/
with device_types as (

    select 'Camera' as label
    union all select 'Car browser'
    union all select 'Console'
    union all select 'Desktop'
    union all select 'Feature phone'
    union all select 'Peripheral'
    union all select 'Phablet'
    union all select 'Portable media player'
    union all select 'Smart display'
    union all select 'Smart speaker'
    union all select 'Smartphone'
    union all select 'Tablet'
    union all select 'Tv'
    union all select 'Wearable'

),

hours as (

    select lpad(cast(h as {{ dbt.type_string() }}), 2, '0') as label
    from (
        select 0 as h union all select 1 union all select 2 union all select 3 union all select 4
        union all select 5 union all select 6 union all select 7 union all select 8 union all select 9
        union all select 10 union all select 11 union all select 12 union all select 13
        union all select 14 union all select 15 union all select 16 union all select 17
        union all select 18 union all select 19 union all select 20 union all select 21
        union all select 22 union all select 23
    ) as h

),

interest as (

    -- bucket bounds, inclusive (the last bucket has no upper bound)
    select 'VisitorInterest.getNumberOfVisitsPerVisitDuration' as matomo_report, '0–10s' as label, 0 as range_min, cast(10 as {{ dbt.type_bigint() }}) as range_max
    union all select 'VisitorInterest.getNumberOfVisitsPerVisitDuration', '11–30s', 11, 30
    union all select 'VisitorInterest.getNumberOfVisitsPerVisitDuration', '31–60s', 31, 60
    union all select 'VisitorInterest.getNumberOfVisitsPerVisitDuration', '1-2 min', 60, 120
    union all select 'VisitorInterest.getNumberOfVisitsPerVisitDuration', '2-4 min', 120, 240
    union all select 'VisitorInterest.getNumberOfVisitsPerVisitDuration', '4-7 min', 240, 420
    union all select 'VisitorInterest.getNumberOfVisitsPerVisitDuration', '7-10 min', 420, 600
    union all select 'VisitorInterest.getNumberOfVisitsPerVisitDuration', '10-15 min', 600, 900
    union all select 'VisitorInterest.getNumberOfVisitsPerVisitDuration', '15-30 min', 900, 1800
    union all select 'VisitorInterest.getNumberOfVisitsPerVisitDuration', '30+ min', 1801, null
    union all select 'VisitorInterest.getNumberOfVisitsPerPage', '1 page', 1, 1
    union all select 'VisitorInterest.getNumberOfVisitsPerPage', '2 pages', 2, 2
    union all select 'VisitorInterest.getNumberOfVisitsPerPage', '3 pages', 3, 3
    union all select 'VisitorInterest.getNumberOfVisitsPerPage', '4 pages', 4, 4
    union all select 'VisitorInterest.getNumberOfVisitsPerPage', '5 pages', 5, 5
    union all select 'VisitorInterest.getNumberOfVisitsPerPage', '6-7 pages', 6, 7
    union all select 'VisitorInterest.getNumberOfVisitsPerPage', '8-10 pages', 8, 10
    union all select 'VisitorInterest.getNumberOfVisitsPerPage', '11-14 pages', 11, 14
    union all select 'VisitorInterest.getNumberOfVisitsPerPage', '15-20 pages', 15, 20
    union all select 'VisitorInterest.getNumberOfVisitsPerPage', '21+ pages', 21, null

)

select
    'DevicesDetection.getType' as matomo_report, label, false as zero_metrics,
    cast(null as {{ dbt.type_bigint() }}) as range_min, cast(null as {{ dbt.type_bigint() }}) as range_max
from device_types
union all
select 'VisitTime.getVisitInformationPerLocalTime', label, true, null, null from hours
union all
select 'VisitTime.getVisitInformationPerServerTime', label, true, null, null from hours
union all
select matomo_report, label, false, range_min, range_max from interest
