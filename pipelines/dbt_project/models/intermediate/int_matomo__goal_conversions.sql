/*
  One row per conversion of a regular goal (goal_id > 0), on the site-local date of the
  conversion. A goal converts at most once per visit unless it allows multiple conversions
  (Matomo enforces this when tracking, so Live normally already shows one; the rule is kept
  for robustness: the first conversion of the visit wins).
*/
with actions as (

    select * from {{ ref('int_matomo__actions') }}
    where action_type = 'goal' and goal_id > 0

),

goals as (

    select id_site, goal_id, allows_multiple_conversions
    from {{ ref('stg_matomo__goals') }}

),

ranked as (

    select
        a.*,
        coalesce(g.allows_multiple_conversions, false) as allows_multiple_conversions,
        row_number() over (
            partition by a.id_site, a.id_visit, a.goal_id order by a.request_sequence
        ) as conversion_number_in_visit
    from actions as a
    left join goals as g
        on g.id_site = a.id_site
        and g.goal_id = a.goal_id

),

final as (

    select
        id_site,
        id_visit,
        action_position,
        goal_id,
        goal_name,
        action_local_at as converted_local_at,
        action_local_date as conversion_date,
        cast(coalesce(revenue, 0) as {{ money_type() }}) as revenue,
        url as conversion_url,
        conversion_number_in_visit,
        dlt_load_id
    from ranked
    where allows_multiple_conversions or conversion_number_in_visit = 1

)

select * from final
