"""The configuration home: one folder holds `.dlt/` (config.toml, secrets.toml) and the default
DuckDB file, whatever the process's working folder is (cron and systemd start elsewhere).

`--home DIR`, else the `MATOMO_WAREHOUSE_HOME` environment variable, else the current folder.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipelines.errors import UserError

HOME_ENV = "MATOMO_WAREHOUSE_HOME"
DLT_PROJECT_ENV = "DLT_PROJECT_DIR"  # dlt reads <this>/.dlt/ (dlt.common.runtime.run_context)


def resolve(home: str | None) -> Path:
    """The home folder: `home` (the --home option), else $MATOMO_WAREHOUSE_HOME, else `.`."""
    raw = home or os.environ.get(HOME_ENV) or "."
    path = Path(raw).expanduser().resolve()
    if not path.is_dir():
        source = "--home" if home else HOME_ENV
        raise UserError(f"{source} {raw}: no such folder; create it or point {source} elsewhere")
    return path


def resolve_path(path: str | Path, home: Path) -> Path:
    """A path given relative to the home (e.g. --duckdb), made absolute; absolute stays as is."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else home / path


@contextmanager
def activated(args: argparse.Namespace) -> Iterator[Path]:
    """Point dlt's configuration at `<home>/.dlt/` and resolve `args.duckdb` against the home
    for the duration of one command; the previous environment is restored afterwards."""
    home = resolve(getattr(args, "home", None))
    if getattr(args, "duckdb", None):
        args.duckdb = str(resolve_path(args.duckdb, home))
    # the committed .dlt/config.toml turns dlt's telemetry off; so does an installed tool
    os.environ.setdefault("RUNTIME__DLTHUB_TELEMETRY", "false")
    try:
        with scoped_env(DLT_PROJECT_ENV, str(home)):
            _reload_dlt_config()
            yield home
    finally:
        _reload_dlt_config()  # with the environment restored


@contextmanager
def scoped_env(name: str, value: str) -> Iterator[None]:
    """Environment variable `name` = `value` inside the block; its old value (or absence) after."""
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def _reload_dlt_config() -> None:
    """dlt builds its config providers (the .dlt/*.toml readers) once; rebuild them so they
    read the home's .dlt/ even if something read the config before."""
    from dlt.common.configuration.container import Container
    from dlt.common.configuration.specs.pluggable_run_context import PluggableRunContext

    Container()[PluggableRunContext].reload_providers()
