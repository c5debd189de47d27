"""Ordinary Matomo setups load and build: the `public-shapes` recording (a token with view access
to three sites: 4 Blog without ecommerce, goals or site search and with row-limit `Others`
rows; 5 Fresh without any traffic, never archived; 6 Private with its visitor log off) served
by the fake Matomo with the `analyst` token, plus its error samples (a site the token cannot
see, wrong / no token, access removed, a plugin deactivated, Live deactivated globally)."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import main
from pipelines.recording import RecordingServer, load_recording
from pipelines.recording.recording import Recording

SHAPES = Path(__file__).parent / "fixtures" / "matomo-recordings" / "public-shapes"
TOKEN = "analyst-token-7c1e5a"  # the `analyst` label of the recording
REVOKED = "revoked-token-2b9d40"  # the `revoked` label
START, END, NOW = "2026-08-03", "2026-08-16", "2026-08-20T00:00:00Z"
LIVE_OFF = "site 6: visitor log (Live) disabled in Matomo; loading its reports only"


class Lines(logging.Handler):
    """Log lines (level, message) of a run, for a module-scoped fixture (no caplog there)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append((record.levelname, record.getMessage()))

    def matching(self, text: str, level: str | None = None) -> list[str]:
        return [m for lv, m in self.lines if text in m and level in (None, lv)]


@pytest.fixture(scope="module")
def recording() -> Recording:
    return load_recording(SHAPES)


@pytest.fixture(scope="module")
def server(recording: Recording) -> Iterator[RecordingServer]:
    with RecordingServer(recording, token=TOKEN, tokens={"revoked": REVOKED}) as srv:
        yield srv


def cli_run(url: str, db: Path, *extra: str, token: str | None = TOKEN) -> tuple[int, Lines]:
    """`matomo-warehouse run` over the recording's dates; (exit code, its log lines)."""
    handler, root = Lines(), logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    with pytest.MonkeyPatch.context() as env:
        if token is None:
            env.delenv("SOURCES__MATOMO__API_TOKEN", raising=False)
        else:
            env.setenv("SOURCES__MATOMO__API_TOKEN", token)
        env.setenv("SOURCES__MATOMO__MAX_RETRIES", "0")
        try:
            code = main(
                [
                    "run",
                    "--url",
                    url,
                    "--duckdb",
                    str(db),
                    "--now",
                    NOW,
                    "--start-date",
                    START,
                    "--end-date",
                    END,
                    *extra,
                ]
            )
        finally:
            root.removeHandler(handler)
            root.setLevel(level)
    return code, handler


@pytest.fixture(scope="module")
def all_sites(server: RecordingServer, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    """The three sites refreshed together once: load, dbt build, reconcile."""
    db = tmp_path_factory.mktemp("shapes") / "all.duckdb"
    code, lines = cli_run(server.url, db)
    return db, code, lines


@pytest.fixture(scope="module")
def visits_in_range(recording: Recording) -> dict[int, int]:
    """Visits per site in the recorded range, as the recording's manifest counts them."""
    return {int(s["idsite"]): int(s["visits_in_range"]) for s in recording.manifest["sites"]}


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def reconciled(db: Path) -> dict[str, int]:
    """Cells of the reconciliation per status."""
    return dict(query(db, "select status, count(*) from matomo_audit.reconciliation group by 1"))


def test_all_sites_load_with_one_line_per_shape(
    all_sites: tuple, visits_in_range: dict[int, int]
) -> None:
    db, code, lines = all_sites
    assert code == 0
    assert lines.matching(LIVE_OFF, "WARNING") == [LIVE_OFF]
    assert not [m for lv, m in lines.lines if lv in ("WARNING", "ERROR") and m != LIVE_OFF]
    skipped = {site: lines.matching(f"site {site}: skipping", "INFO") for site in (4, 5, 6)}
    assert all(len(found) == 1 for found in skipped.values()), skipped
    no_shop = (
        "no ecommerce: Goals.get(idGoal=ecommerceOrder)/get(idGoal=ecommerceAbandonedCart)"
        "/getItemsSku/getItemsSku(abandonedCarts=1)/getItemsName/getItemsCategory"
    )
    not_listed = (
        "Actions.getSiteSearchKeywords/getSiteSearchCategories/getSiteSearchNoResultKeywords"
    )
    custom = "CustomDimensions.getCustomDimension(idDimension=*)"
    assert skipped[4][0] == (
        "site 4: skipping 10 report(s) it does not offer: not listed by its "
        f"API.getReportMetadata: {not_listed}, {custom}; {no_shop}"
    )
    assert skipped[5][0] == (
        f"site 5: skipping 7 report(s) it does not offer: {no_shop}; not listed by its "
        f"API.getReportMetadata: {custom}"
    )
    visits = dict(query(db, "select id_site, count(*) from matomo_raw.visits group by 1"))
    assert visits == {4: visits_in_range[4]}  # 5 had no traffic, 6 has no visitor log
    assert visits_in_range[6] > 0
    audit = dict(query(db, "select id_site, count(*) from matomo_raw.load_audit group by 1"))
    assert audit == {4: 14, 5: 14}  # every day of 4 and 5 read, none of 6


def test_all_sites_build_and_reconcile(all_sites: tuple, visits_in_range: dict[int, int]) -> None:
    db = all_sites[0]
    sites = dict(query(db, "select site_id, count(*) from matomo.dim_sites group by 1"))
    assert sites == {4: 1, 5: 1, 6: 1}
    marts = dict(query(db, "select site_id, count(*) from matomo.fct_visits group by 1"))
    assert marts == {4: visits_in_range[4]}
    for mart in ("fct_ecommerce_orders", "fct_ecommerce_order_items", "fct_abandoned_carts",
                 "dim_goals", "fct_goal_conversions"):  # fmt: skip
        assert query(db, f"select count(*) from matomo.{mart}") == [(0,)], mart
    cells = reconciled(db)
    assert cells["match"] > 0
    assert not {"mismatch", "missing_in_mart", "missing_in_matomo"} & set(cells), cells
    compared = dict(query(db, "select site_id, count(*) from matomo_audit.reconciliation "
                              "where status = 'match' group by 1"))  # fmt: skip
    assert set(compared) == {4, 5}  # 6 has no Live day to compare


def test_reports_of_every_site_are_loaded(
    all_sites: tuple, visits_in_range: dict[int, int]
) -> None:
    db = all_sites[0]
    loads = dict(query(db, "select id_site, count(*) from matomo_raw.report_loads group by 1"))
    assert set(loads) == {4, 5, 6}
    methods = {
        r[0]
        for r in query(db, "select distinct method from matomo_raw.report_loads where id_site = 4")
    }
    assert "Events.getCategory" in methods and "Actions.getPageUrls" in methods
    assert not {"Actions.getSiteSearchKeywords", "Goals.getItemsSku"} & methods
    visits6 = query(
        db,
        "select sum(nb_visits) from matomo_raw.report_visits_summary_get "
        "where id_site = 6 and period = 'day'",
    )[0][0]
    assert visits6 == visits_in_range[6]
    others = query(
        db,
        "select count(*) from matomo_raw.report_actions_get_page_urls "
        "where id_site = 4 and is_summary_row",
    )[0][0]
    assert others > 0  # the row-limit `Others` rows arrive marked


def test_status_says_live_disabled(
    all_sites: tuple, visits_in_range: dict[int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", "--duckdb", str(all_sites[0])]) == 0
    out = capsys.readouterr().out
    assert (
        "site 6 'Private': Live disabled (visitor log off in Matomo; reports only); visits 0" in out
    )
    assert "site 5 'Fresh': last final day 2026-08-16; visits 0" in out
    assert f"site 4 'Blog': last final day 2026-08-16; visits {visits_in_range[4]}" in out


def test_check_warns_live_disabled(
    server: RecordingServer,
    recording: Recording,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SOURCES__MATOMO__API_TOKEN", TOKEN)
    code = main(["check", "--url", server.url, "--now", "2026-08-17T12:00:00Z"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1  # a WARN
    warn = [line for line in out if line.startswith("WARN")]
    assert len(warn) == 1 and "live site 6" in warn[0] and "Live disabled" in warn[0]
    assert not [line for line in out if line.startswith("FAIL")]
    summary = recording.lookup(
        {
            "module": "API",
            "format": "json",
            "method": "VisitsSummary.get",
            "idSite": "6",
            "period": "day",
            "date": "2026-08-16",
            "filter_limit": "-1",
            "format_metrics": "0",
        }
    )
    visits = json.loads(summary.body)["nb_visits"]
    assert (
        f"OK    reports site 6     VisitsSummary.get for 2026-08-16 answers ({visits} visits"
        in "\n".join(out)
    )


# A small catalogue for the single-site runs (the all-sites run has the default one): one
# report the metric marts reconcile per kind, plus two that some sites do not offer.
SMALL_CATALOGUE = [
    "VisitsSummary.get",
    {"method": "Actions.getPageUrls", "params": {"flat": 1}},
    "Actions.getSiteSearchKeywords",
    "Events.getCategory",
    "Goals.get",
    "Goals.getItemsSku",
]


@pytest.mark.parametrize("site", [4, 5, 6])
def test_each_site_alone(
    site: int, server: RecordingServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """5 alone (no traffic: no visits, actions, items or goals tables) and 6 alone (no visitor
    log: no Live table at all) build every mart and reconcile; 4 alone loads (its marts are
    the all-sites ones)."""
    monkeypatch.setenv("SOURCES__MATOMO__REPORTS", json.dumps(SMALL_CATALOGUE))
    db = tmp_path / "w.duckdb"
    code, lines = cli_run(server.url, db, "--site", str(site), *(["--no-transform"] * (site == 4)))
    assert code == 0
    assert bool(lines.matching(LIVE_OFF, "WARNING")) == (site == 6)
    [skipped] = lines.matching(f"site {site}: skipping", "INFO")
    assert skipped.endswith("no ecommerce: Goals.getItemsSku")
    if site == 4:
        return
    tables = {t for (t,) in query(db, "select table_name from information_schema.tables "
                                      "where table_schema = 'matomo_raw'")}  # fmt: skip
    assert not {"visits", "visit_actions", "ecommerce_items", "goals"} & tables
    assert ("load_audit" in tables) == (site == 5)
    assert query(db, "select count(*) from matomo.fct_visits") == [(0,)]
    assert query(db, "select site_id from matomo.dim_sites") == [(site,)]
    cells = reconciled(db)  # 5: its zero days match Matomo's zero reports; 6: no Live day
    assert set(cells) == ({"match"} if site == 5 else set())


# -- error samples: one clear line each ----------------------------------------------------


def one_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, err
    assert "Traceback" not in err and TOKEN not in err and REVOKED not in err
    return errors[0]


def test_site_the_token_cannot_see(
    server: RecordingServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _ = cli_run(server.url, tmp_path / "w.duckdb", "--site", "1", "--no-transform")
    assert code == 2
    assert one_error(capsys) == (
        "error: Matomo SitesManager.getSiteFromId site=1: You can't access this resource as it "
        "requires 'view' access for the website id = 1. (HTTP 401); check "
        "sources.matomo.api_token and that the token has view access"
    )
    monkeypatch.setenv("SOURCES__MATOMO__API_TOKEN", TOKEN)
    assert main(["check", "--url", server.url, "--site", "1"]) == 1
    assert (
        "FAIL  sites              site(s) 1 not found or not visible to this token; visible: "
        "4 'Blog' (Europe/Berlin), 5 'Fresh' (UTC), 6 'Private' (Europe/London)"
        in capsys.readouterr().out
    )


def test_invalid_token(
    server: RecordingServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = cli_run(server.url, tmp_path / "w.duckdb", "--no-transform", token="0" * 32)
    assert code == 2
    line = one_error(capsys)
    assert (
        "Unable to authenticate with the provided token. It is either invalid or expired. "
        "(HTTP 401); check sources.matomo.api_token" in line
    )


def test_no_token(
    server: RecordingServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = cli_run(server.url, tmp_path / "w.duckdb", "--no-transform", token=None)
    assert code == 2
    assert "missing configuration: api_token" in one_error(capsys)


def test_no_token_sent_gets_the_recorded_refusal(server: RecordingServer) -> None:
    import requests

    params = {
        "module": "API",
        "method": "VisitsSummary.get",
        "format": "json",
        "idSite": "4",
        "period": "day",
        "date": "2026-08-03",
    }
    response = requests.post(server.url + "index.php", params=params, timeout=10)
    assert response.status_code == 401
    assert response.json()["message"] == (
        "You can't access this resource as it requires 'view' access for the website id = 4."
    )


@pytest.fixture()
def scenario_server(recording: Recording, request: pytest.FixtureRequest) -> Iterator:
    with RecordingServer(
        recording, token=TOKEN, tokens={"revoked": REVOKED}, scenario=request.param
    ) as srv:
        yield srv


@pytest.mark.parametrize("scenario_server", ["access-removed"], indirect=True)
def test_access_removed(
    scenario_server: RecordingServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "w.duckdb"
    assert cli_run(scenario_server.url, db, "--no-transform", token=REVOKED)[0] == 2
    assert one_error(capsys) == (
        "error: Matomo: the token can view no site; give it view "
        "access or set sources.matomo.site_ids"
    )
    assert cli_run(scenario_server.url, db, "--site", "4", "--no-transform", token=REVOKED)[0] == 2
    assert "requires 'view' access for the website id = 4. (HTTP 401)" in one_error(capsys)
    monkeypatch.setenv("SOURCES__MATOMO__API_TOKEN", REVOKED)
    assert main(["check", "--url", scenario_server.url]) == 1
    out = capsys.readouterr().out
    assert (
        "FAIL  token              You can't access this resource as it requires view access "
        "for at least one website. (HTTP 401)" in out
    )


@pytest.mark.parametrize("scenario_server", ["events-plugin-deactivated"], indirect=True)
def test_plugin_deactivated_skips_its_reports(
    scenario_server: RecordingServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = [{"method": "Events.getName", "segment": "visitorType==new"}]
    monkeypatch.setenv("SOURCES__MATOMO__EXTRA_REPORTS", json.dumps(extra))
    db = tmp_path / "w.duckdb"
    code, lines = cli_run(
        scenario_server.url,
        db,
        "--site",
        "4",
        "--only",
        "reports",
        "--no-transform",
        "--end-date",
        START,
    )
    assert code == 0
    [line] = lines.matching("site 4: skipping", "INFO")
    assert (
        "not listed by its API.getReportMetadata: Actions.getSiteSearchKeywords/"
        "getSiteSearchCategories/getSiteSearchNoResultKeywords, "
        "Events.getCategory/getAction/getName/getName(segment=visitorType==new)" in line
    )
    assert not query(db, "select * from matomo_raw.report_loads where method like 'Events.%'")


def test_configured_method_of_an_inactive_plugin_is_skipped(
    server: RecordingServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Matomo answers "The plugin NoSuchModule is not enabled" for a deactivated plugin and for
    a misspelt module alike: skipped with the INFO line, not an error."""
    reports = ["VisitsSummary.get", "NoSuchModule.get"]
    monkeypatch.setenv("SOURCES__MATOMO__REPORTS", json.dumps(reports))
    db = tmp_path / "w.duckdb"
    args = ("--site", "4", "--only", "reports", "--no-transform", "--end-date", START)
    code, lines = cli_run(server.url, db, *args)
    assert code == 0
    assert lines.matching("site 4: skipping", "INFO") == [
        "site 4: skipping 1 report(s) it does not offer: not listed by its "
        "API.getReportMetadata: NoSuchModule.get"
    ]
    assert {m for (m,) in query(db, "select method from matomo_raw.report_loads")} == {
        "VisitsSummary.get"
    }


def test_misspelt_method_is_an_error(
    server: RecordingServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(
        "SOURCES__MATOMO__EXTRA_REPORTS", json.dumps([{"method": "VisitsSummary.getNoSuchMethod"}])
    )
    code, _ = cli_run(server.url, tmp_path / "w.duckdb", "--no-transform")
    assert code == 2
    line = one_error(capsys)
    assert "report method(s) VisitsSummary.getNoSuchMethod not offered by this Matomo" in line
    assert "Matomo says the method does not exist" in line


@pytest.mark.parametrize("scenario_server", ["live-disabled-globally"], indirect=True)
def test_live_deactivated_globally_is_an_error(
    scenario_server: RecordingServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = cli_run(
        scenario_server.url,
        tmp_path / "w.duckdb",
        "--site",
        "4",
        "--only",
        "live",
        "--no-transform",
    )
    assert code == 2
    line = one_error(capsys)  # the day named is the first one that failed (days run in parallel)
    assert re.fullmatch(
        r"error: Matomo Live\.getLastVisitsDetails site=4 period=day date=2026-08-\d\d: Visits "
        r"log is deactivated globally\. A user with super user access can enable this feature "
        r"in the general settings\.",
        line,
    ), line
