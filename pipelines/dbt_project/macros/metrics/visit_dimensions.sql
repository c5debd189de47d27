{#- Days since 1970-01-01 times 86400: the UTC epoch of a date's midnight (portable). -#}
{% macro date_epoch(date_expr) -%}
    ({{ dbt.datediff("cast('1970-01-01' as date)", date_expr, 'day') }} * 86400)
{%- endmacro %}

{#- VisitTime.getVisitInformationPerServerTime label of a UTC epoch counted on site-local day
    `day` (plugins/VisitTime/RecordBuilders/ServerTime.php: HOUR(utc time), then
    convertTimeToLocalTimezone builds `<UTC date of the day's start> <hour>:00:00` UTC and
    formats it in the site timezone). So the label is the site-local hour of the UTC hour start
    (UTC 10:45 in Asia/Kolkata -> `15`), with the offset of that built instant (DST days may
    collide or skip). Two digits: `00`..`23`. -#}
{% macro server_hour_label(utc_epoch, day, timezone) -%}
    {%- set day_start = date_epoch(day) -%}
    {#- (epochs are whole seconds; PostgreSQL's datediff in seconds is a double, and mod() takes integers) -#}
    {%- set utc_hour = "cast(floor(mod(cast(" ~ utc_epoch ~ " as " ~ dbt.type_bigint() ~ "), 86400) / 3600) as " ~ dbt.type_bigint() ~ ")" -%}
    {#- local midnight is on the previous UTC date east of UTC (local clock ahead at UTC midnight) -#}
    {%- set east = epoch_to_local_timestamp(day_start, timezone) ~ " > cast(" ~ day ~ " as timestamp)" -%}
    {%- set instant = "(" ~ day_start ~ " - case when " ~ east ~ " then 86400 else 0 end + "
        ~ utc_hour ~ " * 3600)" -%}
    lpad(cast(extract(hour from {{ epoch_to_local_timestamp(instant, timezone) }}) as {{ dbt.type_string() }}), 2, '0')
{%- endmacro %}

{#- Every visit's labels in the visit-dimension reports: (site_id, id_visit, matomo_report,
    label, uniq_group), one label model per family. uniq_group is Matomo's SQL group inside the
    label (a row's uniques are summed over its groups). Add a label model here (one line):
    (model, its site column, its uniq_group expression). -#}
{% macro visit_dimension_labels() -%}
    {%- set models = [
        ('int_matomo__visit_labels_referrers', 'site_id', 'uniq_group'),
        ('int_matomo__visit_labels_devices', 'site_id', 'uniq_group'),
        ('int_matomo__visit_labels_time', 'site_id', 'uniq_group'),
        ('int_matomo__visit_labels_interest', 'site_id', 'uniq_group'),
        ('int_matomo__visit_labels_lookups', 'site_id', 'uniq_group'),
    ] -%}
    {%- for model, site, uniq_group in models %}
    select {{ site }} as site_id, id_visit, matomo_report, label, {{ uniq_group }} as uniq_group
    from {{ ref(model) }}
    {{- '\n    union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- The conversions of the goal-carrying reports with their row label: the visit's label, except
    VisitTime server time, where the conversion's own hour is the label. Columns: site_id, day,
    matomo_report, label, id_visit, idgoal, revenue, revenue_subtotal, revenue_tax,
    revenue_shipping, revenue_discount, items. -#}
{% macro visit_dimension_conversion_labels(goal_reports) -%}
    {%- set server_time = 'VisitTime.getVisitInformationPerServerTime' -%}
    {%- set columns = 'c.id_visit, c.idgoal, c.revenue, c.revenue_subtotal, c.revenue_tax, '
        ~ 'c.revenue_shipping, c.revenue_discount, c.items' -%}
    select c.site_id, c.conversion_date as day, l.matomo_report, l.label, {{ columns }}
    from {{ ref('int_matomo__visit_dimension_conversions') }} as c
    inner join ({{ visit_dimension_labels() }}) as l
        on l.site_id = c.site_id and l.id_visit = c.id_visit
    where l.matomo_report in ('{{ goal_reports | reject("equalto", server_time) | join("', '") }}')
    {%- if server_time in goal_reports %}
    union all
    select c.site_id, c.conversion_date, '{{ server_time }}', c.server_hour_label, {{ columns }}
    from {{ ref('int_matomo__visit_dimension_conversions') }} as c
    {%- endif %}
{%- endmacro %}

{#- The visit-dimension reports whose rows carry goal columns (`goals`, nb_conversions, revenue):
    docs/matomo-report-rules.md 0.5 (none in getOsFamilies, Resolution, UserLanguage, UserId,
    VisitTime local time, VisitorInterest). -#}
{% macro visit_dimension_goal_reports() -%}
    {{ return([
        'Referrers.getReferrerType', 'Referrers.getAll', 'Referrers.getWebsites',
        'Referrers.getSearchEngines', 'Referrers.getKeywords', 'Referrers.getSocials',
        'Referrers.getCampaigns', 'UserCountry.getCountry', 'DevicesDetection.getType',
        'DevicesDetection.getBrowsers', 'VisitTime.getVisitInformationPerServerTime',
    ]) }}
{%- endmacro %}
