-- Actions.getPageUrls (flat=1) per site, local day and page URL label (path and query, `/` for the root).
{{ page_report('url') }}
