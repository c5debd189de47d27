{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'visit_id'],
        on_schema_change='append_new_columns',
    )
}}
-- One row per visit, on the site-local day of its last action (Matomo's day of the visit).
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

visits as (

    select * from {{ ref('int_matomo__visits') }} as v
    {% if is_incremental() -%}
    where {{ incremental_visit_filter('v') }}
    {%- endif %}

),

goal_revenue as (

    select id_site, id_visit, sum(revenue) as goal_revenue, count(*) as goal_conversions
    from {{ ref('int_matomo__goal_conversions') }}
    group by id_site, id_visit

),

order_revenue as (

    select id_site, id_visit, sum(revenue) as order_revenue, count(*) as ecommerce_orders
    from {{ ref('int_matomo__ecommerce_orders') }}
    group by id_site, id_visit

),

visit_labels as (

    -- Matomo's country / language / OS-family row labels (int_matomo__visit_labels_lookups)
    select * from {{ ref('int_matomo__visit_labels_lookups') }}

),

final as (

    select
        v.id_site as site_id,
        v.id_visit as visit_id,
        v.visit_date,
        v.first_action_local_at,
        v.last_action_local_at,
        v.first_action_at,
        v.last_action_at,
        v.visitor_id,
        v.user_id,
        v.visitor_type,
        v.visit_count,
        v.days_since_last_visit,
        v.entry_page_url,
        v.entry_page_title,
        v.exit_page_url,
        v.exit_page_title,
        v.referrer_type,
        v.referrer_name,
        v.referrer_keyword,
        v.referrer_url,
        v.device_type,
        v.device_brand,
        v.device_model,
        v.operating_system_name,
        os.label as os_family,
        v.browser_name,
        v.resolution,
        v.language_code,
        lang.label as language_name,
        v.continent_code,
        v.country_code,
        ctry.label as country_name,
        v.region_code,
        v.city,
        v.pageviews,
        v.actions,
        v.visit_duration_seconds,
        v.is_bounce,
        v.is_converted,
        coalesce(g.goal_conversions, 0) as goal_conversions,
        coalesce(o.ecommerce_orders, 0) as ecommerce_orders,
        cast(coalesce(g.goal_revenue, 0) as {{ mart_money_type() }}) as goal_revenue,
        cast(coalesce(o.order_revenue, 0) as {{ mart_money_type() }}) as ecommerce_revenue,
        cast(coalesce(g.goal_revenue, 0) + coalesce(o.order_revenue, 0) as {{ mart_money_type() }}) as revenue,
        v.is_truncated,
        v.truncated_actions_count,
        v.dlt_load_id
    from visits as v
    left join goal_revenue as g
        on g.id_site = v.id_site
        and g.id_visit = v.id_visit
    left join order_revenue as o
        on o.id_site = v.id_site
        and o.id_visit = v.id_visit
    left join visit_labels as ctry
        on ctry.site_id = v.id_site
        and ctry.id_visit = v.id_visit
        and ctry.matomo_report = 'UserCountry.getCountry'
    left join visit_labels as lang
        on lang.site_id = v.id_site
        and lang.id_visit = v.id_visit
        and lang.matomo_report = 'UserLanguage.getLanguage'
    left join visit_labels as os
        on os.site_id = v.id_site
        and os.id_visit = v.id_visit
        and os.matomo_report = 'DevicesDetection.getOsFamilies'

)

select * from final
