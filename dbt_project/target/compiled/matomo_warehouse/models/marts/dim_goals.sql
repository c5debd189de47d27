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
    from "corrupted"."matomo_staging"."stg_matomo__goals"

),

ecommerce as (

    select
        s.id_site,
        pseudo.goal_id,
        pseudo.goal_name,
        cast(null as TEXT) as goal_description,
        cast('ecommerce' as TEXT) as match_attribute,
        cast(null as TEXT) as pattern,
        cast(null as TEXT) as pattern_type,
        pseudo.goal_id = 0 as allows_multiple_conversions,
        cast(0 as numeric(38, 9)) as default_revenue,
        false as is_deleted,
        true as is_ecommerce_pseudo_goal
    from "corrupted"."matomo_staging"."stg_matomo__sites" as s
    cross join (
        select
            cast(0 as bigint) as goal_id,
            cast('Ecommerce order' as TEXT) as goal_name
        union all
        select cast(-1 as bigint), cast('Abandoned cart' as TEXT)
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
    cast(default_revenue as numeric(18, 2)) as default_revenue,
    is_deleted,
    is_ecommerce_pseudo_goal
from (
    select * from goals
    union all
    select * from ecommerce
) as all_goals