"""Custom dimensions of a site: `CustomDimensions.getConfiguredCustomDimensions`.

Used by the Live source (raw table `custom_dimensions`) and the Reporting API source (one
`CustomDimensions.getCustomDimension` report per active dimension). A Matomo without the
CustomDimensions plugin answers with an error: that site simply has no custom dimensions.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .client import MatomoClient, MatomoError

log = logging.getLogger(__name__)

METHOD = "CustomDimensions.getConfiguredCustomDimensions"

COLUMNS: dict[str, dict[str, Any]] = {
    "idsite": {"data_type": "bigint", "nullable": False},
    "idcustomdimension": {"data_type": "bigint", "nullable": False},
    "name": {"data_type": "text"},
    "scope": {"data_type": "text"},
    "index": {"data_type": "bigint"},
    "active": {"data_type": "bool"},
    "case_sensitive": {"data_type": "bool"},
    "extractions": {"data_type": "json"},
}


@dataclass(frozen=True)
class Dimension:
    """One configured custom dimension: its per-site id (`idDimension`, Live `dimension<id>`)."""

    id: str
    name: str
    scope: str  # visit | action
    active: bool


def configured_rows(client: MatomoClient, site_id: int) -> list[dict[str, Any]] | None:
    """The site's configured dimensions as Matomo lists them; [] when the plugin is not
    available (Matomo answers with an error); None when the call failed otherwise (a
    transient failure after retries: logged as a WARNING). HTTP 401/403 raise."""
    try:
        answer = client.call(METHOD, {"idSite": site_id})
    except MatomoError as err:
        if err.fatal:
            raise
        if err.transient:
            log.warning("%s (custom dimensions skipped this run)", err)
            return None
        log.info("site %d: no custom dimensions (%s)", site_id, " ".join(err.cause.split()))
        return []
    rows = answer.values() if isinstance(answer, Mapping) else answer or []
    return [dict(row) for row in rows if isinstance(row, Mapping)]


def parse(rows: list[dict[str, Any]]) -> list[Dimension]:
    """Dimensions of a `getConfiguredCustomDimensions` answer, ordered by id."""
    dims = [
        Dimension(
            id=str(row["idcustomdimension"]),
            name=str(row.get("name") or ""),
            scope=str(row.get("scope") or ""),
            active=_truthy(row.get("active")),
        )
        for row in rows
        if row.get("idcustomdimension") is not None
    ]
    return sorted(dims, key=lambda d: (len(d.id), d.id))


def _truthy(value: Any) -> bool:
    return str(value).lower() not in ("0", "", "false", "none")
