{#-
  Incremental window of the visit-grained marts (fct_visits, fct_actions, fct_pageviews):
  the visits whose site-local date is within `matomo__lookback_days` of the newest local date
  already in the mart (per site), plus every visit the loader (re)wrote since the newest load
  id the mart has seen. Whole visits are always re-processed, never single actions, because
  time on page and entry/exit pages depend on the whole visit.

  visits_relation: a relation/CTE with id_site, id_visit, visit_date, dlt_load_id.
  Returns a boolean SQL expression over `visits_relation`'s alias `v`.
-#}
{% macro matomo_incremental_visit_filter(alias='v') -%}
    {%- set lookback = var('matomo__lookback_days', 3) | int -%}
    (
        {{ alias }}.dlt_load_id > (select coalesce(max(dlt_load_id), '') from {{ this }})
        or {{ alias }}.visit_date >= (
            select {{ dbt.dateadd('day', -1 * lookback, 'max(t.visit_date)') }}
            from {{ this }} as t
            where t.site_id = {{ alias }}.id_site
        )
    )
{%- endmacro %}
