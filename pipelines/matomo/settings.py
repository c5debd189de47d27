"""Constants of the Matomo source. Configurable values live in `.dlt/config.toml`."""

from __future__ import annotations

RAW_SCHEMA = "matomo_raw"
PIPELINE_NAME = "matomo_warehouse"
DEFAULT_DUCKDB_PATH = "matomo_warehouse.duckdb"

# HTTP client
DEFAULT_TIMEOUT_S = 120.0
DEFAULT_MAX_RETRIES = 5
DEFAULT_BACKOFF_BASE_S = 1.0
DEFAULT_BACKOFF_MAX_S = 60.0
# Circuit breaker: a source stops after this many consecutive calls that failed the same way
# after their retries (the rest of its requests are not attempted).
DEFAULT_MAX_CONSECUTIVE_FAILURES = 5
TRANSIENT_HTTP_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
USER_AGENT = "matomo-warehouse/0.1 (+dlt)"

# Live.getLastVisitsDetails
DEFAULT_LIVE_PAGE_SIZE = 500  # as in the committed .dlt/config.toml
# Matomo closes a visit after 30 minutes of inactivity; a day is final once local
# midnight + visit timeout + safety margin has passed.
VISIT_TIMEOUT_MINUTES = 30
FINALITY_MARGIN_MINUTES = 30

# With no start_date configured, a site's first run reaches back this many days.
DEFAULT_BACKFILL_DAYS = 30

# A long backfill is split into loads that end at the first day boundary after this many
# visits: DuckDB's merge (and so the run's peak memory) grows with the rows of one load, and a
# crash loses at most one load's work. Small runs stay one load (dlt costs ~2 s per load).
DEFAULT_VISITS_PER_LOAD = 50_000

# DuckDB settings while loading (dlt's connection), plus `warehouse.duckdb_memory_limit`. One
# thread: dlt's merge (a ROW_NUMBER() dedup window over the staged chunk) does not spill and
# needs its memory per thread; on a 2-core machine the load is no slower.
DUCKDB_LOAD_CONFIG = {"preserve_insertion_order": False, "threads": 1}
# DuckDB's memory limit (loader and dbt) unless `[warehouse] duckdb_memory_limit` says
# otherwise: a 50k-visit chunk's merge fits with room to spare (it needs ~200MB)
DEFAULT_DUCKDB_MEMORY_LIMIT = "256MB"
# and dbt's (its count(distinct) and windows do not spill: 256MB fails at 200k visits)
DEFAULT_DBT_MEMORY_LIMIT = "1GB"

# Reporting API
DEFAULT_REPORT_LOOKBACK_DAYS = 3
DEFAULT_BULK_BATCH_SIZE = 20

# Concurrency: (site, day) units fetched at once. Matomo Cloud advises keeping API clients to a
# few concurrent requests; 4 is safe there and ample for a self-hosted server.
DEFAULT_CONCURRENCY = 4
