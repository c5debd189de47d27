"""A local fake Matomo that replays real recorded API responses (with fault injection)."""

from __future__ import annotations

from pathlib import Path

from .faults import Fault, parse_fault
from .recording import Recording, load_recording
from .server import RecordingServer

BUNDLED_RECORDING = Path(__file__).resolve().parent / "public"


def bundled_recording_dir() -> Path:
    """The real Matomo 5.0.2 recording shipped in this package (`pipelines/recording/public`):
    the demo's data and the tests' fixture."""
    return BUNDLED_RECORDING


__all__ = [
    "Fault",
    "Recording",
    "RecordingServer",
    "bundled_recording_dir",
    "load_recording",
    "parse_fault",
]
