"""A local fake Matomo that replays real recorded API responses (with fault injection)."""

from __future__ import annotations

from pathlib import Path

from .faults import Fault, parse_fault
from .recording import Recording, load_recording
from .server import RecordingServer

_REPO_ROOT = Path(__file__).resolve().parents[2]
BUNDLED_RECORDING = Path("tests", "fixtures", "matomo-recordings", "public")


def bundled_recording_dir() -> Path:
    """The recording bundled with the repository (tests/fixtures/matomo-recordings/public)."""
    return _REPO_ROOT / BUNDLED_RECORDING


__all__ = [
    "Fault",
    "Recording",
    "RecordingServer",
    "bundled_recording_dir",
    "load_recording",
    "parse_fault",
]
