"""Errors the CLI turns into one line on stderr and a non-zero exit."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or configuration: the message says what is wrong and what to do."""


def missing_config(*fields: str) -> str:
    """The one message for unset `[sources.matomo]` settings (api_token is a secret)."""
    names = ", ".join(fields)
    env = ", ".join(f"SOURCES__MATOMO__{f.upper()}" for f in fields)
    return (
        f"missing configuration: {names}; set it under [sources.matomo] in .dlt/config.toml "
        f"(api_token in .dlt/secrets.toml) or as {env}"
    )
