{{ matomo_metrics_config() }}
-- depends_on: {{ ref('int_metrics__periods') }} {{ ref('stg_matomo__load_audit') }} {{ ref('int_matomo__visits') }} {{ ref('int_matomo__actions') }}
-- Actions.getPageTitles (flat=1) per site, local day and page title (`Page Name not defined` when empty).
{{ page_report('title') }}
