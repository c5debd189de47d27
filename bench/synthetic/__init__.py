"""Scale data: a synthetic Matomo recording made by cloning the real recorded Live visits.

    python -m bench.synthetic --visits 1000000 --sites 4 --days 60 --out DIR

The output is a recording directory in the recorded shape (`calls.jsonl.gz` + `manifest.json`):
`SitesManager.getSitesWithAtLeastViewAccess`, per site `SitesManager.getSiteFromId` and
`Goals.getGoals`, and one full-day `Live.getLastVisitsDetails` list (`filter_limit=-1`,
`filter_sort_order=asc`) per site and local day. Every visit is a real recorded visit with a
new `idVisit` and its timestamps shifted by whole days (`lastActionTimestamp`,
`firstActionTimestamp`, `serverTimestamp`, `actionDetails[].timestamp` and the date strings
`serverDate`, `lastActionDateTime`, `serverDatePretty*`, `actionDetails[].serverTimePretty`);
order ids and visitor ids are made unique per clone. So every field has a real shape.

Scale: visits are rendered from pre-compiled text templates (`templates.py`, no per-visit JSON
work) and each call is written as its own gzip member (`writer.py`; a concatenation of members
is one valid gzip stream); the manifest records each member's byte offset. The runtime package
serves such a recording lazily (`pipelines.recording.synthetic_reader`): neither generating
nor serving holds more than about one day of visits.

This is dev tooling (benchmarks, scale tests), outside the runtime package: it imports
`pipelines`, never the other way round.
"""

from __future__ import annotations

from .generate import DEFAULT_END, Summary, generate, iter_calls
from .plan import day_counts
from .templates import compile_template

__all__ = ["DEFAULT_END", "Summary", "compile_template", "day_counts", "generate", "iter_calls"]
