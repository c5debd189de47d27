"""Column names of Matomo fields, as dlt's default naming convention (snake_case) makes them."""

from __future__ import annotations

from functools import lru_cache

from dlt.common.normalizers.naming.snake_case import NamingConvention

_NAMING = NamingConvention()


@lru_cache(maxsize=4096)
def column_name(key: str) -> str:
    """`lastActionTimestamp` -> `last_action_timestamp`, as dlt would name the column."""
    return _NAMING.normalize_identifier(key)
