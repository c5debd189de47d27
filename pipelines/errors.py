"""Errors the CLI turns into one line on stderr and a non-zero exit."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or configuration: the message says what is wrong and what to do."""
