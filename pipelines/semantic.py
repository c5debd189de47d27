"""The semantic layer (MetricFlow metrics in `pipelines/dbt_project/models/semantic/`) from Python.

`mf query` reads `<dbt project>/target/semantic_manifest.json`, inside the installed package;
this pipeline keeps dbt's artifacts beside the DuckDB file (`.<stem>.dbt/target/`, written by
every `transform`). `metric_sql` asks MetricFlow's engine for the SQL of a query against that
manifest, and `query` runs it on a DuckDB file read-only (e.g. the published `<stem>_bi.duckdb`:
its catalog is renamed to the warehouse's). Needs the `metricflow` extra
(`pip install 'matomo-warehouse[metricflow]'`).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import duckdb

from pipelines.errors import UserError
from pipelines.publish import PUBLISHED_SUFFIX
from pipelines.transform import work_dir


def manifest_path(duckdb_path: str | Path) -> Path:
    """The semantic manifest dbt wrote for the warehouse `duckdb_path`."""
    path = Path(duckdb_path).expanduser().resolve()
    return work_dir(path) / "target" / "semantic_manifest.json"


class _RenderOnlyClient:
    """MetricFlow's SqlClient protocol, enough to render DuckDB SQL (never executes)."""

    @property
    def sql_engine_type(self):
        from metricflow.protocols.sql_client import SqlEngine

        return SqlEngine.DUCKDB

    @property
    def sql_plan_renderer(self):
        from metricflow.sql.render.duckdb_renderer import DuckDbSqlPlanRenderer

        return DuckDbSqlPlanRenderer()

    def render_bind_parameter_key(self, bind_parameter_key: str) -> str:
        return f"${bind_parameter_key}"

    def close(self) -> None:
        pass


@cache
def _engine(manifest: Path, modified_ns: int):
    """MetricFlow's engine for one version (path, mtime) of the semantic manifest."""
    try:
        from metricflow.engine.metricflow_engine import MetricFlowEngine
        from metricflow_semantics.model.dbt_manifest_parser import (
            parse_manifest_from_dbt_generated_manifest,
        )
        from metricflow_semantics.model.semantic_manifest_lookup import SemanticManifestLookup
    except ImportError as err:
        raise UserError(
            f"MetricFlow is not installed ({err.name}): pip install 'matomo-warehouse[metricflow]'"
        ) from err
    semantic_manifest = parse_manifest_from_dbt_generated_manifest(manifest.read_text())
    lookup = SemanticManifestLookup(semantic_manifest)
    return MetricFlowEngine(semantic_manifest_lookup=lookup, sql_client=_RenderOnlyClient())


def metric_sql(
    manifest: Path,
    metrics: list[str],
    group_by: list[str],
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> str:
    """MetricFlow's SQL for `metrics` grouped by `group_by` (e.g. `metric_time__week`, `site`),
    limited to metric times from `start` to `end` (inclusive)."""
    manifest = manifest.resolve()
    if not manifest.is_file():
        raise UserError(f"no semantic manifest at {manifest}: run `matomo-warehouse transform`")
    engine = _engine(manifest, manifest.stat().st_mtime_ns)  # first: MetricFlow installed?
    from metricflow.engine.metricflow_engine import MetricFlowQueryRequest

    request = MetricFlowQueryRequest.create(
        metric_names=metrics,
        group_by_names=group_by,
        time_constraint_start=_midnight(start),
        time_constraint_end=_midnight(end),
    )
    return engine.explain(request).sql_statement.sql


def query(
    duckdb_path: str | Path,
    metrics: list[str],
    group_by: list[str],
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    manifest: Path | None = None,
) -> list[dict]:
    """Run a MetricFlow query on `duckdb_path` (read-only; the warehouse or its published
    `_bi` copy); one dict per row."""
    path = Path(duckdb_path).expanduser().resolve()
    # dbt (and so MetricFlow's SQL) names tables "<warehouse stem>"."matomo"."<mart>"
    catalog = path.stem.removesuffix(PUBLISHED_SUFFIX)
    warehouse = path.with_name(catalog + path.suffix)
    sql = metric_sql(manifest or manifest_path(warehouse), metrics, group_by, start, end)
    with duckdb.connect(":memory:") as con:
        con.execute(f"attach '{_quote(str(path))}' as \"{_quote(catalog, chr(34))}\" (read_only)")
        cursor = con.execute(sql)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _midnight(day: dt.date | None) -> dt.datetime | None:
    return None if day is None else dt.datetime(day.year, day.month, day.day)


def _quote(text: str, quote: str = "'") -> str:
    return text.replace(quote, quote * 2)
