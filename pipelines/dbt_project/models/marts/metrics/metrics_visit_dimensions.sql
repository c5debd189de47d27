/*
  The visit-dimension reports (Referrers.*, DevicesDetection.getType / getBrowsers,
  Resolution, VisitTime, VisitorInterest, UserId.getUsers, and the lookup-labelled reports)
  per site, period, report and label: Matomo's visit metrics and the row-level goal columns.
  Rules (docs/matomo-report-rules.md 0.2-0.5, 1.3-1.15):
  - a visit counts on the local day of its last action (LogAggregator VISIT_DATETIME_FIELD =
    visit_last_action_time); a conversion on its own local day, with the visit's label;
  - day metrics: LogAggregator::getVisitsMetricFields; nb_uniq_visitors / nb_users are the SUM
    over the label's SQL groups (uniq_group) of their distinct counts (Referrers group by type,
    name, keyword and url);
  - nb_conversions / revenue: Σ over the row's goals except abandoned carts, present only when
    the row has a conversion (abandoned carts included) (Metrics::makeGoalColumnsRow,
    EnrichRecordWithGoalMetricSums); a row with conversions but no visit has nb_visits 0;
  - week / month / year: the days' rows summed by label (ArchiveProcessor::
    aggregateDataTableRecords), max for max_actions, and the day uniques renamed
    sum_daily_nb_uniq_visitors / sum_daily_nb_users;
  - a row of the domain with no visit and no conversion is a row of zeros (VisitTime
    RecordBuilders/Base.php ensureAllHoursAreSet) or nb_visits 0 only; a week or longer whose
    max_actions is 0 has none (observed on every recording);
  - VisitorInterest rows carry nb_visits only; DevicesDetection.getType lists every device type,
    VisitTime every hour, VisitorInterest every bucket, on each period with visits
    (int_matomo__visit_label_domains).
  Per-goal columns: metrics_visit_dimension_goals.
*/
{%- set goal_reports = visit_dimension_goal_reports() %}
{#- reports whose rows carry nb_visits only -#}
{%- set visits_only_reports = [
    'VisitorInterest.getNumberOfVisitsPerVisitDuration', 'VisitorInterest.getNumberOfVisitsPerPage',
] %}
{%- set bounce_max = var('matomo__bounce_max_actions', 1) | int %}

with periods as (

    {{ metrics_periods() }}

),

labels as (

    {{ visit_dimension_labels() }}

),

visits as (

    select id_site as site_id, id_visit, visit_date as day, visitor_id, user_id, actions,
           visit_duration_seconds, is_converted
    from {{ ref('int_matomo__visits') }}

),

group_days as (

    -- one row per Matomo SQL group of a label: uniques are distinct per group
    select
        l.site_id, v.day, l.matomo_report, l.label, l.uniq_group,
        count(*) as nb_visits,
        count(distinct v.visitor_id) as nb_uniq_visitors,
        count(distinct v.user_id) as nb_users,
        sum(v.actions) as nb_actions,
        max(v.actions) as max_actions,
        sum(v.visit_duration_seconds) as sum_visit_length,
        count(*) filter (where v.actions <= {{ bounce_max }}) as bounce_count,
        count(*) filter (where v.is_converted) as nb_visits_converted
    from labels as l
    inner join visits as v
        on v.site_id = l.site_id and v.id_visit = l.id_visit
    group by l.site_id, v.day, l.matomo_report, l.label, l.uniq_group

),

visit_days as (

    select
        site_id, day, matomo_report, label,
        sum(nb_visits) as nb_visits,
        sum(nb_uniq_visitors) as nb_uniq_visitors,
        sum(nb_users) as nb_users,
        sum(nb_actions) as nb_actions,
        max(max_actions) as max_actions,
        sum(sum_visit_length) as sum_visit_length,
        sum(bounce_count) as bounce_count,
        sum(nb_visits_converted) as nb_visits_converted
    from group_days
    group by site_id, day, matomo_report, label

),

conversion_days as (

    select
        site_id, day, matomo_report, label,
        count(*) filter (where idgoal <> 'ecommerceAbandonedCart') as nb_conversions,
        coalesce(sum(revenue) filter (where idgoal <> 'ecommerceAbandonedCart'), 0) as revenue
    from ({{ visit_dimension_conversion_labels(goal_reports) }}) as c
    group by site_id, day, matomo_report, label

),

domain_days as (

    -- the labels listed with no visit, on each day with visits
    select d.site_id, d.day, x.matomo_report, x.label, x.zero_metrics
    from (select distinct site_id, day from visits) as d
    cross join {{ ref('int_matomo__visit_label_domains') }} as x

),

day_rows as (

    select
        coalesce(v.site_id, c.site_id, d.site_id) as site_id,
        coalesce(v.day, c.day, d.day) as day,
        coalesce(v.matomo_report, c.matomo_report, d.matomo_report) as matomo_report,
        coalesce(v.label, c.label, d.label) as label,
        coalesce(v.nb_visits, 0) as nb_visits,
        coalesce(v.nb_uniq_visitors, case when d.zero_metrics and c.site_id is null then 0 end) as nb_uniq_visitors,
        coalesce(v.nb_users, case when d.zero_metrics and c.site_id is null then 0 end) as nb_users,
        coalesce(v.nb_actions, case when d.zero_metrics and c.site_id is null then 0 end) as nb_actions,
        coalesce(v.max_actions, case when d.zero_metrics and c.site_id is null then 0 end) as max_actions,
        coalesce(v.sum_visit_length, case when d.zero_metrics and c.site_id is null then 0 end) as sum_visit_length,
        coalesce(v.bounce_count, case when d.zero_metrics and c.site_id is null then 0 end) as bounce_count,
        coalesce(v.nb_visits_converted, case when d.zero_metrics and c.site_id is null then 0 end) as nb_visits_converted,
        c.nb_conversions,
        c.revenue
    from visit_days as v
    full outer join conversion_days as c
        on c.site_id = v.site_id and c.day = v.day and c.matomo_report = v.matomo_report and c.label = v.label
    full outer join domain_days as d
        on d.site_id = coalesce(v.site_id, c.site_id) and d.day = coalesce(v.day, c.day)
        and d.matomo_report = coalesce(v.matomo_report, c.matomo_report)
        and d.label = coalesce(v.label, c.label)

),

aggregated as (

    select
        p.site_id, p.period, p.date, r.matomo_report, r.label,
        sum(r.nb_visits) as nb_visits,
        sum(r.nb_uniq_visitors) as nb_uniq_visitors,
        sum(r.nb_users) as nb_users,
        sum(r.nb_actions) as nb_actions,
        max(r.max_actions) as max_actions,
        sum(r.sum_visit_length) as sum_visit_length,
        sum(r.bounce_count) as bounce_count,
        sum(r.nb_visits_converted) as nb_visits_converted,
        sum(r.nb_conversions) as nb_conversions,
        sum(r.revenue) as revenue,
        r.matomo_report in ('{{ visits_only_reports | join("', '") }}') as visits_only
    from periods as p
    inner join day_rows as r
        on r.site_id = p.site_id and r.day = p.day
    group by p.site_id, p.period, p.date, r.matomo_report, r.label

),

final as (

    select
        site_id,
        period,
        date,
        matomo_report,
        label,
        cast(nb_visits as {{ dbt.type_bigint() }}) as nb_visits,
        {%- for m in ['nb_uniq_visitors', 'nb_users'] %}
        -- a day's distinct count; week and longer: the days' counts summed, renamed
        cast(case when period = 'day' and not visits_only then {{ m }} end as {{ dbt.type_bigint() }}) as {{ m }},
        cast(case when period <> 'day' and not visits_only then {{ m }} end as {{ dbt.type_bigint() }})
            as sum_daily_{{ m }},
        {%- endfor %}
        -- a week's max of 0 is absent in Matomo (only rows of zeros, e.g. hours without visits)
        cast(case when not visits_only and (period = 'day' or max_actions <> 0) then max_actions end
            as {{ dbt.type_bigint() }}) as max_actions,
        {%- for m in ['nb_actions', 'sum_visit_length', 'bounce_count', 'nb_visits_converted'] %}
        cast(case when not visits_only then {{ m }} end as {{ dbt.type_bigint() }}) as {{ m }},
        {%- endfor %}
        cast(nb_conversions as {{ dbt.type_bigint() }}) as nb_conversions,
        cast(revenue as {{ mart_money_type() }}) as revenue
    from aggregated

)

select
    f.*,
    {{ metrics_load_id() }} as dlt_load_id
from final as f
