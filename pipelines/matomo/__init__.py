"""dlt sources for Matomo: Live visits (`matomo_source`) and archived reports (`matomo_reports`).

Each source is a sub-package (`live`, `reports`) whose `__init__` wires its resources; the
HTTP client (`client`), sites (`sites`) and constants (`settings`) are shared. Configuration
is read from the `[sources.matomo]` section (`.dlt/config.toml`, `.dlt/secrets.toml`,
`SOURCES__MATOMO__*`); run-time plumbing travels in a `RunContext`.
"""

from __future__ import annotations

from .live import matomo_source
from .reports import matomo_reports
from .run_context import RunContext

__all__ = ["RunContext", "matomo_reports", "matomo_source"]
