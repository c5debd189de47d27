"""Which catalogue reports each site offers, from Matomo's `API.getReportMetadata`.

A site without ecommerce, goals or site search, or a Matomo with a plugin deactivated, does not
offer some reports: they are skipped for that site (one INFO line per site). A method the user
configured that no site offers is an error only when Matomo says it does not exist (a misspelt
action); otherwise it is skipped like the others.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import unquote

from ..client import MatomoClient, MatomoError
from ..sites import Site, offered_reports
from .catalogue import DEFAULT_CATALOGUE, ReportSpec, parse_entry

log = logging.getLogger(__name__)

# Offered `Module.action`s per site id; None = the server did not say (nothing is skipped).
Offers = dict[int, frozenset[str] | None]

# Matomo's answer for an action its module does not have (a plugin that is not active, or a
# misspelt module, answers "The plugin X is not enabled" instead: that is skipped).
_NO_SUCH_METHOD = "does not exist or is not available in the module"
KNOWN_METHODS = frozenset(entry["method"] for entry in DEFAULT_CATALOGUE)


def fetch_offers(client: MatomoClient, site_ids: Iterable[int], date: str) -> Offers:
    """`API.getReportMetadata` of each site (HTTP 401/403 raise; other errors give None)."""
    offers: Offers = {}
    for site_id in site_ids:
        found = offered_reports(client, site_id, date)
        offers[site_id] = frozenset(found) if found is not None else None
    return offers


def configured_methods(reports: Sequence[Any] | None, extra: Sequence[Any] | None) -> set[str]:
    """Methods the user named in `reports` / `extra_reports` (not the default catalogue)."""
    entries = [*(reports or []), *(extra or [])]
    return {parse_entry(entry).method for entry in entries}


def check_configured(
    client: MatomoClient, offers: Offers, configured: Iterable[str], date: str
) -> None:
    """Raise MatomoError for configured methods no site offers that Matomo says do not exist.

    Each such method outside the built-in catalogue (whose methods exist) is called once
    (first site, period=day, `date`): Matomo's "The method 'x' does not exist" tells a
    misspelt action from a report these sites just do not offer (no ecommerce, site search
    off, a plugin deactivated)."""
    if not offers or any(found is None for found in offers.values()):
        return  # some site's metadata is unknown: leave it to the report requests
    offered = frozenset().union(*(found or frozenset() for found in offers.values()))
    site_id = min(offers)
    unlisted = sorted(set(configured) - offered - KNOWN_METHODS)
    missing = [m for m in unlisted if _no_such_method(client, m, site_id, date)]
    if missing:
        raise MatomoError(
            f"report method(s) {', '.join(missing)} not offered by this Matomo "
            "(API.getReportMetadata; Matomo says the method does not exist); fix "
            "sources.matomo.reports / extra_reports (`matomo-warehouse reports --discover` "
            "lists what it offers)",
            method="API.getReportMetadata",
        )


def _no_such_method(client: MatomoClient, method: str, site_id: int, date: str) -> bool:
    try:
        client.call(method, {"idSite": site_id, "period": "day", "date": date})
    except MatomoError as err:
        if err.status in (401, 403):
            raise
        return _NO_SUCH_METHOD in err.cause
    return False


def site_specs(
    specs: Iterable[ReportSpec], site: Site, offered: frozenset[str] | None
) -> tuple[ReportSpec, ...]:
    """The specs `site` offers; the skipped ones are said in one INFO line."""
    kept: list[ReportSpec] = []
    skipped: dict[str, list[ReportSpec]] = {}
    for spec in specs:
        if spec.ecommerce_only and not site.ecommerce:
            skipped.setdefault("no ecommerce", []).append(spec)
        elif offered is not None and spec.method not in offered:
            skipped.setdefault("not listed by its API.getReportMetadata", []).append(spec)
        else:
            kept.append(spec)
    if skipped:
        log.info(
            "site %d: skipping %d report(s) it does not offer: %s",
            site.id,
            sum(len(group) for group in skipped.values()),
            "; ".join(f"{why}: {compact(group)}" for why, group in skipped.items()),
        )
    return tuple(kept)


def compact(specs: Iterable[ReportSpec]) -> str:
    """`Goals.get(idGoal=ecommerceOrder)/getItemsSku, Actions.getSiteSearchKeywords`."""
    by_module: dict[str, list[str]] = {}
    for spec in specs:
        module, action = spec.method.split(".", 1)
        segment = f"segment={spec.segment}" if spec.segment else ""
        variant = " ".join(part for part in (unquote(spec.report_params), segment) if part)
        by_module.setdefault(module, []).append(f"{action}({variant})" if variant else action)
    return ", ".join(f"{module}.{'/'.join(actions)}" for module, actions in by_module.items())
