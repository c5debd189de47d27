-- One row per goal of a site, plus Matomo's ecommerce pseudo-goals for ecommerce sites:
-- 0 = ecommerce order, -1 = abandoned cart.
with goals as (

    select
        id_site,
        goal_id,
        goal_name,
        goal_description,
        match_attribute,
        pattern,
        pattern_type,
        allows_multiple_conversions,
        default_revenue,
        is_deleted,
        false as is_ecommerce_pseudo_goal
    from {{ ref('stg_matomo__goals') }}

),

ecommerce as (

    select
        s.id_site,
        pseudo.goal_id,
        pseudo.goal_name,
        cast(null as {{ dbt.type_string() }}) as goal_description,
        cast('ecommerce' as {{ dbt.type_string() }}) as match_attribute,
        cast(null as {{ dbt.type_string() }}) as pattern,
        cast(null as {{ dbt.type_string() }}) as pattern_type,
        pseudo.goal_id = 0 as allows_multiple_conversions,
        cast(0 as {{ money_type() }}) as default_revenue,
        false as is_deleted,
        true as is_ecommerce_pseudo_goal
    from {{ ref('stg_matomo__sites') }} as s
    cross join (
        select
            cast(0 as {{ dbt.type_bigint() }}) as goal_id,
            cast('Ecommerce order' as {{ dbt.type_string() }}) as goal_name
        union all
        select cast(-1 as {{ dbt.type_bigint() }}), cast('Abandoned cart' as {{ dbt.type_string() }})
    ) as pseudo
    where s.is_ecommerce

)

select
    id_site as site_id,
    goal_id,
    goal_name,
    goal_description,
    match_attribute,
    pattern,
    pattern_type,
    allows_multiple_conversions,
    cast(default_revenue as {{ mart_money_type() }}) as default_revenue,
    is_deleted,
    is_ecommerce_pseudo_goal
from (
    select * from goals
    union all
    select * from ecommerce
) as all_goals
