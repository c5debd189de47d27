"""Paging of Live.getLastVisitsDetails: one closed local day at a time, oldest visit first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from ..client import MatomoClient, MatomoError
from .columns import Visit


def live_params(site_id: int, day: dt.date, limit: int, offset: int) -> dict[str, Any]:
    return {
        "idSite": site_id,
        "period": "day",
        "date": day.isoformat(),
        "filter_limit": limit,
        "filter_offset": offset,
        "filter_sort_order": "asc",
        "format_metrics": 0,
    }


def fetch_day_pages(
    client: MatomoClient, site_id: int, day: dt.date, page_size: int
) -> Iterator[list[Visit]]:
    """Pages of one local day, oldest first; stops at the first short page."""
    offset = 0
    while True:
        page = client.call(
            "Live.getLastVisitsDetails", live_params(site_id, day, page_size, offset)
        )
        if not isinstance(page, list):
            raise MatomoError(
                f"expected a list of visits, got {type(page).__name__}",
                method="Live.getLastVisitsDetails",
                params={"idSite": site_id, "date": day.isoformat()},
            )
        if page:
            yield page
        if len(page) < page_size:
            return
        offset += page_size
