
-- One row per pageview with Matomo's time on page (rule: int_matomo__time_on_page): summed per
-- URL label and day it gives Actions.getPageUrls `sum_time_spent` (getPageTitles too, except
-- that Matomo credits an untitled pageview's time to the previous titled page). Incremental by
-- whole visits.
with incremental_window as (

    -- what this run re-processes when incremental (int_matomo__incremental_window)
    select * from "corrupted"."matomo_intermediate"."int_matomo__incremental_window"
    where model_name = 'fct_pageviews'

),

visits as (

    select id_site, id_visit, visit_date, dlt_load_id
    from "corrupted"."matomo_intermediate"."int_matomo__visits" as v
    

),

pageviews as (

    select * from "corrupted"."matomo_intermediate"."int_matomo__pageviews"

),

final as (

    select
        p.id_site as site_id,
        p.id_visit as visit_id,
        p.action_position,
        p.pageview_number,
        p.action_local_at as viewed_local_at,
        p.action_local_date as pageview_date,
        v.visit_date,
        p.url,
        p.page_title,
        p.is_entry_page,
        p.is_exit_page,
        p.time_on_page_seconds,
        p.page_load_time_milliseconds,
        v.dlt_load_id
    from pageviews as p
    inner join visits as v
        on v.id_site = p.id_site
        and v.id_visit = p.id_visit

)

select * from final