-- Actions.getPageTitles (flat=1) per site, local day and page title (`Page Name not defined` when empty).
{{ page_report('title') }}
