"""Site metadata: ids, timezones, currencies. Shared by the Live and Reporting sources."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pendulum

from pipelines.dates import local_date_of, local_today

from .client import MatomoClient, MatomoError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Site:
    """One Matomo site as `SitesManager.getSiteFromId` describes it."""

    id: int
    name: str
    timezone: str
    currency: str
    ecommerce: bool
    raw: dict[str, Any]
    # local date of `ts_created` (UTC); Matomo moves it back when it tracks or imports an older
    # visit, so no day before it has data. None when the server does not say.
    created: pendulum.Date | None = None

    @classmethod
    def from_api(cls, row: dict[str, Any]) -> Site:
        tz = str(row.get("timezone") or "UTC")
        return cls(
            id=int(row["idsite"]),
            name=str(row.get("name") or ""),
            timezone=normalize_timezone(tz),
            currency=str(row.get("currency") or ""),
            ecommerce=str(row.get("ecommerce") or "0") not in ("0", "", "False", "false"),
            raw=row,
            created=local_date_of(row.get("ts_created"), normalize_timezone(tz)),
        )

    def today(self, now: datetime.datetime | None = None) -> pendulum.Date:
        """The site's local date at `now`, an aware datetime (default: the real now)."""
        return local_today(self.timezone, now)


def bound_days(
    site: Site,
    start: datetime.date | None,
    end: datetime.date | None,
    default_start: datetime.date,
    last: tuple[str, datetime.date],
    source: str,
) -> tuple[datetime.date, datetime.date]:
    """A site's first and last day for this run. `end` (default: the last day) is capped at
    `last` = (name, date): the site's yesterday for reports, its today for Live. `start`
    (default: `default_start`) is moved up to the site's creation date. A date the user gave
    that moves is said in one WARNING line. The range is empty (first > last) if nothing is
    left."""
    name, last_day = last
    if end is not None and end > last_day:
        log.warning(
            "site %d: %s end date %s is after the site's %s (%s, %s); loading to %s",
            site.id, source, end, name, last_day, site.timezone, last_day,
        )  # fmt: skip
    last_day = min(end or last_day, last_day)
    first = start or default_start
    if site.created is not None and first < site.created:
        if start is not None:
            log.warning(
                "site %d: %s start date %s is before the site was created (%s, ts_created); "
                "loading from %s", site.id, source, start, site.created, site.created,
            )  # fmt: skip
        first = site.created
    return first, last_day


def normalize_timezone(tz: str) -> str:
    """Matomo stores either an IANA name or `UTC+5.5`-style fixed offsets; return an IANA-ish name.

    Fixed offsets are turned into `Etc/GMT-x` only when whole hours (pendulum needs a tz name);
    anything else raises, so a day is never computed with a guessed offset.
    """
    if not tz.upper().startswith("UTC") or tz.upper() == "UTC":
        pendulum.timezone(tz)  # raises for unknown names
        return tz
    offset = float(tz[3:] or 0)
    if offset != int(offset):
        raise MatomoError(f"site timezone {tz!r} is a fractional fixed offset; not supported")
    hours = int(offset)
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


def list_site_ids(client: MatomoClient) -> list[int]:
    """All sites the token can view."""
    rows = client.call("SitesManager.getSitesWithAtLeastViewAccess")
    return sorted(int(r["idsite"]) for r in rows or [])


def fetch_sites(client: MatomoClient, site_ids: Iterable[int] | None) -> list[Site]:
    """Site metadata for `site_ids` (None = every site the token can view).

    An unknown or forbidden id raises MatomoError naming the id.
    """
    ids = list(site_ids) if site_ids else list_site_ids(client)
    if not ids:
        raise MatomoError(
            "the token can view no site; give it view access or set sources.matomo.site_ids"
        )
    sites = []
    for site_id in ids:
        row = client.call("SitesManager.getSiteFromId", {"idSite": site_id})
        if not isinstance(row, dict) or "idsite" not in row:
            raise MatomoError(
                f"site {site_id} not found or not visible to this token; check site_ids",
                method="SitesManager.getSiteFromId",
                params={"idSite": site_id},
            )
        sites.append(Site.from_api(row))
    return sites


def offered_reports(client: MatomoClient, site_id: int, date: str) -> set[str] | None:
    """`Module.action` of every report `API.getReportMetadata` lists for the site (None when the
    server does not answer it: the catalogue then cannot be checked up front)."""
    try:
        rows = client.call(
            "API.getReportMetadata", {"idSite": site_id, "period": "day", "date": date}
        )
    except MatomoError as err:
        if err.fatal:
            raise
        log.warning("cannot check the report catalogue: %s", err)
        return None
    if not isinstance(rows, list):
        return None
    return {f"{r.get('module')}.{r.get('action')}" for r in rows if isinstance(r, dict)}


def check_report_methods(
    client: MatomoClient, site_ids: Iterable[int], methods: Iterable[str], date: str
) -> None:
    """Raise MatomoError naming configured report methods that no site offers
    (`API.getReportMetadata`), so a typo fails the run before anything is loaded."""
    wanted = set(methods)
    offered: set[str] = set()
    for site_id in site_ids:
        found = offered_reports(client, site_id, date)
        if found is None:
            return
        offered |= found
    unknown = sorted(wanted - offered)
    if unknown:
        raise MatomoError(
            f"report method(s) {', '.join(unknown)} not offered by this Matomo "
            "(API.getReportMetadata); fix sources.matomo.reports / extra_reports "
            "(`matomo-warehouse reports --discover` lists what it offers)",
            method="API.getReportMetadata",
        )
