
    

    create  table
      "corrupted"."matomo"."fct_goal_conversions__dbt_tmp"
  
    
    as (
      -- One row per conversion of a regular goal, on the site-local date of the conversion.
select
    c.id_site as site_id,
    c.id_visit as visit_id,
    c.action_position,
    c.goal_id,
    coalesce(g.goal_name, c.goal_name) as goal_name,
    c.conversion_date,
    c.converted_local_at,
    cast(c.revenue as numeric(18, 2)) as revenue,
    c.conversion_url,
    v.visitor_id
from "corrupted"."matomo_intermediate"."int_matomo__goal_conversions" as c
left join "corrupted"."matomo_staging"."stg_matomo__goals" as g
    on g.id_site = c.id_site
    and g.goal_id = c.goal_id
left join "corrupted"."matomo_intermediate"."int_matomo__visits" as v
    on v.id_site = c.id_site
    and v.id_visit = c.id_visit
    );
    
  