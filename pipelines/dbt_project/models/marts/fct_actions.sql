{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['site_id', 'visit_id'],
        on_schema_change='append_new_columns',
    )
}}
-- One row per action of a visit, typed, on its own site-local date. Incremental by whole
-- visits (delete+insert on id_site, id_visit: a re-loaded visit replaces all its actions).
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from {{ ref('int_matomo__incremental_window') }}
    where model_name = '{{ this.name }}'

),

visits as (

    select id_site, id_visit, visit_date, dlt_load_id
    from {{ ref('int_matomo__visits') }} as v
    {% if is_incremental() -%}
    where {{ incremental_visit_filter('v') }}
    {%- endif %}

),

actions as (

    select * from {{ ref('int_matomo__actions') }}

),

final as (

    select
        a.id_site as site_id,
        a.id_visit as visit_id,
        a.action_position,
        a.request_sequence,
        a.action_type,
        a.action_local_at,
        a.action_local_date as action_date,
        v.visit_date,
        a.url,
        a.page_title,
        a.event_category,
        a.event_action,
        a.event_name,
        cast(a.event_value as {{ type_double() }}) as event_value,
        a.search_keyword,
        a.search_category,
        a.search_result_count,
        a.content_name,
        a.content_piece,
        a.content_target,
        a.content_interaction,
        a.goal_id,
        a.order_id,
        cast(a.revenue as {{ mart_money_type() }}) as revenue,
        a.items_quantity,
        a.counts_as_visit_action,
        v.dlt_load_id
    from actions as a
    inner join visits as v
        on v.id_site = a.id_site
        and v.id_visit = a.id_visit

)

select * from final
