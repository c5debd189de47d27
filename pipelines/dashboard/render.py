"""HTML of the dashboard pages: one self-contained page per site plus an index (no scripts)."""

from __future__ import annotations

from html import escape

from pipelines.dashboard import charts
from pipelines.dashboard.queries import REPORTS

STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2330}
header{background:#1d2330;color:#fff;padding:14px 24px}header a{color:#9cb4ff}
h1{font-size:20px;margin:0}h2{font-size:15px;margin:0 0 6px}main{padding:16px 24px}
.badge{display:inline-block;margin-top:6px;padding:3px 10px;border-radius:12px;font-size:12px}
.ok{background:#2a9d8f}.bad{background:#c0392b}.none{background:#6c757d}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px}
.kpi,.card{background:#fff;border-radius:8px;padding:12px;box-shadow:0 1px 2px #0002}
.kpi b{display:block;font-size:22px}.src{color:#6c757d;font-size:11px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:14px;
margin-top:14px}svg{width:100%;height:auto}.lbl{font-size:11px;fill:#555}
.val{font-size:11px;fill:#1d2330}.grid line,line.grid{stroke:#e3e5ea}
table{border-collapse:collapse;width:100%}td,th{padding:3px 6px;border-bottom:1px solid #eee;
text-align:left}td.n,th.n{text-align:right}.legend .key{margin-right:12px;font-size:12px}
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
.empty{color:#6c757d}
"""


PAGE_COLUMNS = ["label", "nb_hits", "nb_visits"]


def page(title: str, header: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><header>{header}</header><main>{body}</main></body></html>"
    )


def site_page(data: dict) -> str:
    site = data["site"]
    period = data["period"]
    when = f"{period['period']} {period['start_date']}"
    if period["period"] != "day":
        when += f" to {period['end_date']}"
    header = (
        f'<a href="index.html">All sites</a><h1>{escape(site["site_name"])} '
        f'<span class="src">{escape(site["main_url"] or "")}</span></h1>'
        f"<div>Tables and figures: {escape(when)} (site-local days)</div>"
        + badge(data["reconciliation"])
    )
    body = kpis(data["kpis"], when) + '<div class="grid">' + "".join(_cards(data)) + "</div>"
    return page(f"{site['site_name']}: Matomo dashboard", header, body)


def _cards(data: dict) -> list[str]:
    over_time = data["visits_over_time"]
    cards = [
        card(
            "Visits and unique visitors per day",
            charts.line_chart(
                [r["date"] for r in over_time],
                {
                    "nb_visits": [r["nb_visits"] for r in over_time],
                    "nb_uniq_visitors": [r["nb_uniq_visitors"] or 0 for r in over_time],
                },
                "visits per day",
            ),
            REPORTS["visits_over_time"],
        ),
        card("Top pages", table(data["pages"], PAGE_COLUMNS), REPORTS["pages"]),
    ]
    for key, title in (
        ("channels", "Channels"),
        ("countries", "Countries"),
        ("devices", "Devices"),
    ):
        items = [(r["label"], r["nb_visits"]) for r in data[key]]
        cards.append(card(title, charts.bar_chart(items, title), REPORTS[key]))
    goals = table(data["goals"], ["label", "matomo_report", "nb_conversions", "revenue"])
    cards.append(card("Goal conversions and revenue", goals, REPORTS["goals"]))
    if data["site"]["is_ecommerce"]:
        cards += _ecommerce_cards(data)
    return cards


def _ecommerce_cards(data: dict) -> list[str]:
    orders = data["orders_over_time"]
    chart = charts.line_chart(
        [r["date"] for r in orders],
        {"nb_conversions (orders)": [r["nb_conversions"] for r in orders]},
        "orders per day",
    )
    currency = data["site"]["currency"] or ""
    chart += charts.line_chart(
        [r["date"] for r in orders],
        {f"revenue ({currency})": [float(r["revenue"] or 0) for r in orders]},
        "revenue per day",
    )
    columns = ["label", "revenue", "quantity", "orders"]
    return [
        card("Ecommerce orders and revenue per day", chart, REPORTS["orders_over_time"]),
        card("Products", table(data["products"], columns), REPORTS["products"]),
    ]


def kpis(row: dict | None, when: str) -> str:
    if not row:
        return '<p class="empty">No VisitsSummary.get row for this site.</p>'
    tiles = [
        ("Visits", row["nb_visits"], "nb_visits"),
        ("Unique visitors", row["nb_uniq_visitors"], "nb_uniq_visitors"),
        ("Actions", row["nb_actions"], "nb_actions"),
        ("Bounce rate", _percent(row["bounce_rate"]), "bounce_rate"),
        ("Actions per visit", _plain(row["nb_actions_per_visit"]), "nb_actions_per_visit"),
        ("Avg. time on site", _duration(row["avg_time_on_site"]), "avg_time_on_site"),
        ("Converted visits", row["nb_visits_converted"], "nb_visits_converted"),
    ]
    return (
        '<section class="kpis">'
        + "".join(
            f'<div class="kpi">{escape(name)}<b>{escape(_text(value))}</b>'
            f'<span class="src">{REPORTS["kpis"]} {metric} · {escape(when)}</span></div>'
            for name, value, metric in tiles
        )
        + "</section>"
    )


def badge(recon: dict | None) -> str:
    if not recon or not recon["compared"]:
        return '<div class="badge none">reconciliation: no compared cells</div>'
    compared, matched, explained = recon["compared"], recon["matched"], recon["explained"]
    ok = matched + explained == compared
    extra = f", {explained:,} explained" if explained else ""
    return (
        f'<div class="badge {"ok" if ok else "bad"}" title="{REPORTS["reconciliation"]}">'
        f"reconciled with Matomo: {matched:,} of {compared:,} cells match{extra}</div>"
    )


def card(title: str, content: str, source: str) -> str:
    return (
        f'<section class="card"><h2>{escape(title)}</h2>{content}'
        f'<div class="src">= Matomo {escape(source)}</div></section>'
    )


def table(rows: list[dict], columns: list[str]) -> str:
    if not rows:
        return '<p class="empty">no rows</p>'
    numeric = set(columns) - {"label", "matomo_report"}
    head = "".join(f'<th class="{"n" if c in numeric else ""}">{escape(c)}</th>' for c in columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{"n" if c in numeric else ""}">{escape(_text(r.get(c)))}</td>'
            for c in columns
        )
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def index_page(sites: list[dict]) -> str:
    items = "".join(
        f'<li><a href="site-{s["site_id"]}.html">{escape(s["site_name"])}</a> '
        f'<span class="src">{escape(s["main_url"] or "")}</span></li>'
        for s in sites
    )
    header = "<h1>Matomo warehouse dashboard</h1>"
    return page(
        "Matomo warehouse dashboard", header, f'<section class="card"><ul>{items}</ul></section>'
    )


def _text(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) or type(value).__name__ == "Decimal":
        number = float(value)
        return f"{number:,.0f}" if number == int(number) else f"{number:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _plain(value) -> str:
    return "-" if value is None else f"{float(value):g}"


def _percent(value) -> str:
    return "-" if value is None else f"{float(value) * 100:.0f}% ({float(value):g})"


def _duration(seconds) -> str:
    if seconds is None:
        return "-"
    total = int(seconds)
    return f"{total // 60}:{total % 60:02d} ({total} s)"
