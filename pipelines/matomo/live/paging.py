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


# Matomo's answer for a site whose visitor log is deactivated in its settings ("Visits log is
# deactivated in website settings. A user with at least admin access can enable this feature
# in the settings for this website (idSite=6)."). Deactivated globally stays an error.
LIVE_OFF_MESSAGE = "Visits log is deactivated in website settings"


def skip_live_off(pages: Iterator[list[Visit]], live_off: set[int]) -> Iterator[list[Visit]]:
    """`pages` of one site's day; when Matomo says the site's visitor log is deactivated,
    none, and the site id is added to `live_off`."""
    try:
        yield from pages
    except MatomoError as err:
        if LIVE_OFF_MESSAGE not in err.cause or "idSite" not in err.params:
            raise
        live_off.add(int(err.params["idSite"]))
