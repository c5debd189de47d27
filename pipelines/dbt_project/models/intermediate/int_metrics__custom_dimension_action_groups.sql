/*
  Action-scope custom dimension values per site, local day and Matomo action group (Matomo
  5.0.2 plugins/CustomDimensions/RecordBuilders/CustomDimension.php queryCustomDimensionActions:
  actions grouped by value and the URL action's name). Groups: page views and events by page
  URL; downloads, outlinks by their URL; content impressions and interactions by their URL, a
  group of their own (docs/matomo-report-rules.md 2.9); every site search of the value in one
  group without URL. `url` = the URL without scheme, `www.` and fragment
  (Tracker\PageUrl::normalizeUrl), URL-decoded as the API shows it; NULL for site searches.
  nb_visits / nb_uniq_visitors are distinct within the group; a value row sums its groups.
*/
with dim_values as (

    select site_id, id_visit, action_position, dimension_id, label, date as day
    from {{ ref('fct_custom_dimension_values') }}
    where dimension_scope = 'action'

),

actions as (

    select id_site, id_visit, action_position, action_type, url
    from {{ ref('int_matomo__actions') }}
    where action_type not in ('goal', 'ecommerce_order', 'abandoned_cart')

),

visits as (

    select id_site, id_visit, visitor_id, actions from {{ ref('int_matomo__visits') }}

),

rows_ as (

    select
        x.site_id, x.day, x.dimension_id, x.label, x.id_visit, v.visitor_id, v.actions,
        case
            when a.action_type in ('pageview', 'event') then 'page'
            when a.action_type in ('content_impression', 'content_interaction') then 'content'
            else a.action_type
        end as group_kind,
        case when a.action_type <> 'site_search' then {{ custom_dimension_url_label('a.url') }} end as url
    from dim_values as x
    inner join actions as a
        on x.site_id = a.id_site and x.id_visit = a.id_visit and x.action_position = a.action_position
    inner join visits as v on x.site_id = v.id_site and x.id_visit = v.id_visit

)

select
    site_id, day, dimension_id, label, group_kind, url,
    count(*) as nb_hits,
    count(distinct id_visit) as nb_visits,
    count(distinct visitor_id) as nb_uniq_visitors,
    sum(case when actions <= {{ var('matomo__bounce_max_actions') }} then 1 else 0 end) as bounce_count
from rows_
group by site_id, day, dimension_id, label, group_kind, url
