"""Which recorded answers a caller gets: its token's `auth` label and the server's scenario."""

from __future__ import annotations

import hmac
from collections.abc import Mapping

from .recording import Recording


def token_labels(recording: Recording, token: str, tokens: Mapping[str, str]) -> dict[str, str]:
    """label -> token: `token` for the recording's primary label, plus `tokens`; ValueError for
    a label the recording has no call of."""
    known = recording.token_labels or [recording.primary_auth]
    unknown = sorted(set(tokens) - set(known))
    if unknown:
        raise ValueError(
            f"no calls with auth label(s) {', '.join(unknown)} in {recording.directory}; "
            f"its token labels: {', '.join(known)}"
        )
    return {recording.primary_auth: token, **tokens}


def auth_label(tokens: Mapping[str, str], token: str) -> str:
    """`none` (no token), the label of a known token, or `invalid`."""
    if not token:
        return "none"
    for label, known in tokens.items():
        if hmac.compare_digest(token.encode(), known.encode()):
            return label
    return "invalid"


def known_scenario(recording: Recording, scenario: str | None) -> str | None:
    """`scenario` if the recording has calls made in it; ValueError naming the ones it has."""
    if scenario and scenario not in recording.scenarios:
        names = ", ".join(recording.scenarios) or "none"
        raise ValueError(
            f"no scenario {scenario!r} in {recording.directory}; its scenarios: {names}"
        )
    return scenario or None
