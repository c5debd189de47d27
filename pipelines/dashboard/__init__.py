"""`matomo-warehouse dashboard`: a static, offline HTML dashboard of the published marts.

`build(warehouse, out_dir)` opens the published copy (`<stem>_bi.duckdb`, pipelines/publish.py)
read-only, runs the queries of `queries.py` per site and writes `index.html` plus one
`site-<id>.html` per site into `out_dir`. Charts are inline SVG drawn here: the pages load
nothing from the network and run no JavaScript.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import duckdb

from pipelines.dashboard import queries as q
from pipelines.dashboard import render
from pipelines.errors import UserError
from pipelines.publish import published_path

log = logging.getLogger("matomo_warehouse")


def build(duckdb_path: str | Path, out_dir: str | Path) -> list[Path]:
    """Write the dashboard of the marts published from `duckdb_path`; returns the pages."""
    started = time.monotonic()
    source = published_path(duckdb_path)
    if not source.is_file():
        raise UserError(
            f"no published marts at {source}; run `matomo-warehouse transform` (or run / demo)"
        )
    out = Path(out_dir).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(source), read_only=True) as con:
        sites = q.rows(con, q.SITES)
        pages = [_write(out / "index.html", render.index_page(sites))]
        for site in sites:
            html = render.site_page(site_data(con, site))
            pages.append(_write(out / f"site-{site['site_id']}.html", html))
    log.info("dashboard: %d pages in %s in %.1fs", len(pages), out, time.monotonic() - started)
    return pages


def site_data(con: duckdb.DuckDBPyConnection, site: dict) -> dict:
    """Everything one site's page shows, from the queries of `queries.py`."""
    site_id = site["site_id"]
    periods = q.rows(con, q.PERIOD, site=site_id)
    if not periods:
        return {"site": site, "period": None}
    period = periods[0]
    params = {
        "site": site_id,
        "period": period["period"],
        "start": period["start_date"],
        "end": period["end_date"],
    }
    data = {"site": site, "period": period}
    for key in q.RANKED:
        data[key] = q.ranked(con, key, **params)
    for key, sql in (
        ("visits_over_time", q.VISITS_OVER_TIME),
        ("goals", q.GOALS),
        ("orders_over_time", q.ORDERS_OVER_TIME),
        ("products", q.PRODUCTS),
    ):
        data[key] = q.rows(con, sql, **params)
    kpis = q.rows(con, q.KPIS, **params)
    data["kpis"] = kpis[0] if kpis else None
    recon = q.has_table(con, "matomo_audit", "reconciliation")
    data["reconciliation"] = q.rows(con, q.RECONCILIATION, **params)[0] if recon else None
    return data


def _write(path: Path, html: str) -> Path:
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(html, encoding="utf-8")
    temp.replace(path)
    return path
