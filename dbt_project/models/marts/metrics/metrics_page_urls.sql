{{ matomo_metrics_config() }}
-- depends_on: {{ ref('int_metrics__periods') }} {{ ref('stg_matomo__load_audit') }} {{ ref('int_matomo__visits') }} {{ ref('int_matomo__actions') }}
-- Actions.getPageUrls (flat=1) per site, local day and page URL label (path and query, `/` for the root).
{{ page_report('url') }}
