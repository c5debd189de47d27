"""`matomo-warehouse check`: is the configured Matomo usable by this pipeline?

Each check prints one verdict line: OK, WARN (works, but look at it) or FAIL (a run would
fail). The checks run in order and stop early when a later one cannot mean anything (no
point asking for sites when the token is refused).

What "reports archived" can and cannot tell over the API: `VisitsSummary.get` for the site's
yesterday answering without error means Matomo can serve that day's report. With browser
archiving enabled, that request itself may trigger the archiving, so it does not prove that
`core:archive` runs. A day with zero visits in the report but visits in Live is reported as
WARN (reports not archived, or archived before the traffic arrived).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipelines.matomo.client import ClientConfig, MatomoClient, MatomoError
from pipelines.matomo.live.paging import LIVE_OFF_MESSAGE
from pipelines.matomo.sites import Site

log = logging.getLogger(__name__)

OK, WARN, FAIL = "OK", "WARN", "FAIL"
# Matomo versions the Live paging and Reporting API calls were written against.
MIN_MAJOR_VERSION = 4


@dataclass(frozen=True)
class Verdict:
    """One checked item: name, OK/WARN/FAIL and a one-line detail."""

    item: str
    status: str
    detail: str

    def line(self) -> str:
        return f"{self.status:<4}  {self.item:<18} {self.detail}"


def check_client(url: str, token: str, timeout_s: float = 30.0) -> MatomoClient:
    """A client that retries once, quickly: a check should answer in seconds."""
    config = ClientConfig(timeout_s=timeout_s, max_retries=1, backoff_base_s=0.5)
    return MatomoClient(url, token, config)


def run_checks(
    client: MatomoClient, site_ids: Sequence[int] | None = None, now: dt.datetime | None = None
) -> list[Verdict]:
    """Every check, in order; stops after a FAIL that makes the later ones meaningless."""
    out: list[Verdict] = []
    version = _version(client, out)
    if version is None:
        return out
    sites = _sites(client, site_ids, out)
    for site in sites:
        day = site.today(now).subtract(days=1).isoformat()
        live_has_visits = _live(client, site, day, out)
        _archived(client, site, day, live_has_visits, out)
    return out


def _version(client: MatomoClient, out: list[Verdict]) -> str | None:
    try:
        body = client.call("API.getMatomoVersion")
    except MatomoError as err:
        if err.status in (401, 403):
            out.append(Verdict("url", OK, f"{client.endpoint} answers as Matomo's API"))
            out.append(Verdict("token", FAIL, err.cause))
        elif err.status is None and "connection" in err.cause:
            out.append(Verdict("url", FAIL, err.cause))
        else:
            out.append(Verdict("url", FAIL, f"{err.cause}"))
        return None
    version = str(body.get("value")) if isinstance(body, dict) else ""
    if not version:
        out.append(
            Verdict(
                "url",
                FAIL,
                f"{client.endpoint} answered JSON that is not Matomo's "
                f"(API.getMatomoVersion gave {str(body)[:60]!r})",
            )
        )
        return None
    out.append(Verdict("url", OK, f"{client.endpoint} answers as Matomo's API"))
    out.append(Verdict("token", OK, "accepted"))
    major = int(version.split(".")[0]) if version.split(".")[0].isdigit() else 0
    if major < MIN_MAJOR_VERSION:
        out.append(
            Verdict(
                "matomo version",
                WARN,
                f"{version}; this pipeline is tested with Matomo {MIN_MAJOR_VERSION}+",
            )
        )
    else:
        out.append(Verdict("matomo version", OK, version))
    return version


def _sites(client: MatomoClient, site_ids: Sequence[int] | None, out: list[Verdict]) -> list[Site]:
    try:
        rows = client.call("SitesManager.getSitesWithAtLeastViewAccess") or []
    except MatomoError as err:
        out.append(Verdict("sites", FAIL, err.cause))
        return []
    visible: dict[int, Site] = {}
    bad_tz = []
    for row in rows:
        try:
            site = Site.from_api(row)
        except (MatomoError, ValueError, KeyError) as err:
            bad_tz.append(f"{row.get('idsite')}: {err}")
            continue
        visible[site.id] = site
    if bad_tz:
        out.append(Verdict("sites", FAIL, "unusable timezone: " + "; ".join(bad_tz)))
    if not visible:
        out.append(Verdict("sites", FAIL, "the token can view no site; give it view access"))
        return []
    missing = [s for s in site_ids or () if s not in visible]
    wanted = [visible[s] for s in site_ids if s in visible] if site_ids else list(visible.values())

    def listing(sites: Sequence[Site]) -> str:
        return ", ".join(f"{s.id} {s.name!r} ({s.timezone})" for s in sites)

    if missing:
        out.append(
            Verdict(
                "sites",
                FAIL,
                f"site(s) {', '.join(map(str, missing))} not found or "
                "not visible to this token; visible: " + listing(list(visible.values())),
            )
        )
    else:
        out.append(Verdict("sites", OK, listing(wanted)))
    return wanted


def _live(client: MatomoClient, site: Site, day: str, out: list[Verdict]) -> bool | None:
    item = f"live site {site.id}"
    params = {"idSite": site.id, "period": "day", "date": day, "filter_limit": 1}
    try:
        page = client.call("Live.getLastVisitsDetails", params)
    except MatomoError as err:
        if LIVE_OFF_MESSAGE in err.cause:
            out.append(
                Verdict(
                    item,
                    WARN,
                    "Live disabled: the visitor log is deactivated in the "
                    "site's settings; only its reports will be loaded",
                )
            )
        else:
            out.append(Verdict(item, FAIL, err.cause))
        return None
    if not isinstance(page, list):
        out.append(Verdict(item, FAIL, f"expected a list of visits, got {type(page).__name__}"))
        return None
    seen = "a visit" if page else "no visit"
    out.append(Verdict(item, OK, f"Live.getLastVisitsDetails answers ({seen} on {day})"))
    return bool(page)


def _archived(
    client: MatomoClient, site: Site, day: str, live_has_visits: bool | None, out: list[Verdict]
) -> None:
    item = f"reports site {site.id}"
    params = {"idSite": site.id, "period": "day", "date": day, "filter_limit": -1}
    try:
        body = client.call("VisitsSummary.get", {**params, "format_metrics": 0})
    except MatomoError as err:
        out.append(Verdict(item, FAIL, f"VisitsSummary.get for {day}: {err.cause}"))
        return
    out.append(Verdict(item, *_archive_verdict(body, day, live_has_visits)))


def _archive_verdict(body: Any, day: str, live_has_visits: bool | None) -> tuple[str, str]:
    """(level, message) for yesterday's VisitsSummary.get answer."""
    visits = _int(body.get("nb_visits")) if isinstance(body, dict) else None
    if visits is None:
        visits = 0 if body in ([], {}) else None
    if visits is None:
        shape = type(body).__name__
        return WARN, f"VisitsSummary.get for {day} answered an unexpected shape ({shape})"
    if visits == 0 and live_has_visits:
        return WARN, (
            f"{day}: Live has visits but the report counts 0; "
            "is core:archive running (or browser archiving on)?"
        )
    return OK, (
        f"VisitsSummary.get for {day} answers ({visits} visits; "
        "archiving itself cannot be verified over the API)"
    )


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def exit_code(verdicts: Sequence[Verdict]) -> int:
    """0 when every item is OK, 1 when something is WARN or FAIL."""
    return 0 if verdicts and all(v.status == OK for v in verdicts) else 1
