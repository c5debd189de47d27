"""dlt sources for Matomo: Live visits (`matomo_source`) and archived reports (`matomo_reports`).

Only `@dlt.source` / `@dlt.resource` functions live here; HTTP is in `client`, pure transforms
in `live` and `reports`, constants in `settings`. Configuration is read from the
`[sources.matomo]` section (`.dlt/config.toml`, `.dlt/secrets.toml`, `SOURCES__MATOMO__*`).
"""

from __future__ import annotations

# ======================================================================= Live source (visits)
# (owned by the Live work; see pipelines/matomo/live.py)


# ======================================================================= Reporting API source
# (owned by the Reporting API work; see pipelines/matomo/reports.py)
