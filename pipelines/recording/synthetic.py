"""Scale data: a synthetic Matomo recording made by cloning the real recorded Live visits.

    python -m pipelines.recording.synthetic --visits 1000000 --sites 4 --days 60 --out DIR

The output is a recording directory in the recorded shape (`calls.jsonl.gz` + `manifest.json`):
`SitesManager.getSitesWithAtLeastViewAccess`, per site `SitesManager.getSiteFromId` and
`Goals.getGoals`, and one full-day `Live.getLastVisitsDetails` list (`filter_limit=-1`,
`filter_sort_order=asc`) per site and local day. Every visit is a real recorded visit with a
new `idVisit` and its timestamps shifted by whole days (`lastActionTimestamp`,
`firstActionTimestamp`, `serverTimestamp`, `actionDetails[].timestamp` and the date strings
`serverDate`, `lastActionDateTime`, `serverDatePretty*`, `actionDetails[].serverTimePretty`);
order ids and visitor ids are made unique per clone. So every field has a real shape.

Scale: visits are rendered from pre-compiled text templates (no per-visit JSON work) and each
call is written as its own gzip member (a concatenation of members is one valid gzip stream);
the manifest records each member's byte offset. `load_lazy_recording` (used by
`load_recording` when the manifest says `"lazy_live": true`) reads the small calls and leaves
the day lists on disk: `LazyLiveStore` decodes a day when it is asked for and keeps only a few
days in memory. Neither generating nor serving holds more than about one day of visits.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import gzip
import json
import logging
import queue
import random
import re
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .recording import (
    CALLS_FILE,
    LIVE_METHOD,
    MANIFEST_FILE,
    LiveDay,
    LiveStore,
    RecordedCall,
    Recording,
    Visit,
    _sites,
    compact_json,
    load_recording,
    split_json_array,
)

log = logging.getLogger(__name__)

FORMAT = "matomo-api-recording/1"
DEFAULT_END = dt.date(2026, 10, 31)  # America/New_York is on EDT for the 230 days before
LIVE_GROUP = "live"
_DAY = 86400
_SENTINEL = re.compile(r'"\\u0001(\d+)\\u0001"')


# ---------------------------------------------------------------------------- templates


@lru_cache(maxsize=4096)
def _shift_iso_date(text: str, days: int) -> str:
    """`2026-10-05` or `2026-10-05 12:29:22` shifted by whole days."""
    day = dt.date.fromisoformat(text[:10]) + dt.timedelta(days=days)
    return day.isoformat() + text[10:]


@lru_cache(maxsize=4096)
def _shift_long_date(text: str, days: int) -> str:
    """`Monday, October 5, 2026` shifted by whole days."""
    day = dt.datetime.strptime(text, "%A, %B %d, %Y").date() + dt.timedelta(days=days)
    return (
        f"{calendar.day_name[day.weekday()]}, {calendar.month_name[day.month]} {day.day}, "
        f"{day.year}"
    )


@lru_cache(maxsize=4096)
def _shift_short_datetime(text: str, days: int) -> str:
    """`Oct 5, 2026 08:24:21` shifted by whole days."""
    date_part, _, clock = text.rpartition(" ")
    day = dt.datetime.strptime(date_part, "%b %d, %Y").date() + dt.timedelta(days=days)
    return f"{calendar.month_abbr[day.month]} {day.day}, {day.year} {clock}"


@dataclass(frozen=True)
class Clone:
    """What makes one rendered visit different from its template."""

    id_visit: int
    days: int  # whole-day shift
    round: int  # how many times the template was used before (0 = first clone)


Slot = Callable[[Clone], str]


@dataclass
class VisitTemplate:
    """A recorded visit compiled to text parts with slots for the fields a clone changes."""

    site: int
    local_day: dt.date
    last_action_ts: int
    actions: int
    parts: list[str] = field(repr=False)
    slots: list[Slot] = field(repr=False)

    def render(self, clone: Clone) -> str:
        out = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:], strict=True):
            out.append(slot(clone))
            out.append(part)
        return "".join(out)


def _int_slot(original: int) -> Slot:
    return lambda c: str(original + c.days * _DAY)


def _str_slot(fn: Callable[[Clone], str]) -> Slot:
    return lambda c: json.dumps(fn(c)).replace("/", "\\/")


def _visitor_slot(original: str) -> Slot:
    base = int(original, 16) if re.fullmatch(r"[0-9a-fA-F]{16}", original or "") else 0

    def render(c: Clone) -> str:
        if c.round == 0 or not base:
            return original
        return f"{(base ^ (c.round * 0x9E3779B97F4A7C15)) & 0xFFFFFFFFFFFFFFFF:016x}"

    return _str_slot(render)


def _order_slot(text: str, order_id: str) -> Slot:
    return _str_slot(lambda c: text.replace(order_id, f"{order_id}-{c.id_visit}"))


def compile_template(visit: dict[str, Any], timezone: str) -> VisitTemplate:
    """Put sentinels where a clone differs, serialize like Matomo, split at the sentinels."""
    data = json.loads(json.dumps(visit))
    slots: list[Slot] = []

    def mark(container: dict[str, Any], key: str, slot: Slot) -> None:
        container[key] = f"\x01{len(slots)}\x01"
        slots.append(slot)

    last_ts = int(data["lastActionTimestamp"])
    mark(data, "idVisit", lambda c: str(c.id_visit))
    for key in ("lastActionTimestamp", "firstActionTimestamp", "serverTimestamp"):
        if isinstance(data.get(key), int):
            mark(data, key, _int_slot(data[key]))
    for key in ("serverDate", "lastActionDateTime"):
        if isinstance(data.get(key), str) and data[key]:
            mark(data, key, _str_slot(lambda c, v=data[key]: _shift_iso_date(v, c.days)))
    for key in ("serverDatePretty", "serverDatePrettyFirstAction"):
        if isinstance(data.get(key), str) and data[key]:
            mark(data, key, _str_slot(lambda c, v=data[key]: _shift_long_date(v, c.days)))
    if isinstance(data.get("visitorId"), str):
        mark(data, "visitorId", _visitor_slot(data["visitorId"]))
    for action in data.get("actionDetails") or []:
        if isinstance(action.get("timestamp"), int):
            mark(action, "timestamp", _int_slot(action["timestamp"]))
        if isinstance(action.get("serverTimePretty"), str) and action["serverTimePretty"]:
            value = action["serverTimePretty"]
            mark(
                action,
                "serverTimePretty",
                _str_slot(lambda c, v=value: _shift_short_datetime(v, c.days)),
            )
        order_id = action.get("orderId")
        if isinstance(order_id, str) and order_id:
            for key in ("orderId", "title", "subtitle"):
                if isinstance(action.get(key), str) and order_id in action[key]:
                    mark(action, key, _order_slot(action[key], order_id))
    text = compact_json(data)
    parts: list[str] = []
    ordered: list[Slot] = []
    last = 0
    for match in _SENTINEL.finditer(text):
        parts.append(text[last : match.start()])
        ordered.append(slots[int(match.group(1))])
        last = match.end()
    parts.append(text[last:])
    local_day = dt.datetime.fromtimestamp(last_ts, ZoneInfo(timezone)).date()
    return VisitTemplate(
        site=int(data["idSite"]),
        local_day=local_day,
        last_action_ts=last_ts,
        actions=len(visit.get("actionDetails") or ()),
        parts=parts,
        slots=ordered,
    )


# ---------------------------------------------------------------------------- plan


@dataclass(frozen=True)
class SiteSpec:
    """A synthetic site and the recorded site it is cloned from."""

    id: int
    template: int
    row: dict[str, Any]
    goals: list[dict[str, Any]]

    @property
    def timezone(self) -> str:
        return str(self.row["timezone"])


def day_counts(visits: int, sites: int, days: list[dt.date], seed: int) -> list[list[int]]:
    """Visits per site and day: exactly `visits` in all, weekends quieter, sites uneven."""
    rng = random.Random(seed)
    weights = []
    for s in range(sites):
        site_weight = 1.0 / (1 + 0.3 * s)
        weights.append(
            [
                site_weight * (0.7 if d.weekday() >= 5 else 1.0) * rng.uniform(0.85, 1.15)
                for d in days
            ]
        )
    total = sum(sum(w) for w in weights)
    counts = [[int(visits * w / total) for w in row] for row in weights]
    missing = visits - sum(sum(row) for row in counts)
    cells = [(s, i) for s in range(sites) for i in range(len(days))]
    for k in range(missing):
        s, i = cells[k % len(cells)]
        counts[s][i] += 1
    return counts


# ---------------------------------------------------------------------------- writing


class _MemberWriter:
    """Writes lines as separate gzip members in a thread (zlib releases the GIL), recording
    each member's offset and length."""

    def __init__(self, path: Path, level: int) -> None:
        self.path = path
        self.level = level
        self.members: list[tuple[int, int]] = []
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="synthetic-gzip", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            with self.path.open("wb") as fh:
                offset = 0
                while (data := self._queue.get()) is not None:
                    packer = zlib.compressobj(self.level, zlib.DEFLATED, 31)
                    member = packer.compress(data) + packer.flush()
                    fh.write(member)
                    self.members.append((offset, len(member)))
                    offset += len(member)
        except BaseException as exc:  # re-raised in close()
            self._error = exc
            while self._queue.get() is not None:
                pass

    def write(self, line: str) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(line.encode("utf-8"))

    def close(self) -> list[tuple[int, int]]:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self.members


@dataclass
class Summary:
    directory: Path
    visits: int = 0
    actions: int = 0
    days: int = 0
    sites: int = 0
    calls: int = 0
    body_bytes: int = 0
    gz_bytes: int = 0
    seconds: float = 0.0


def _call_line(params: dict[str, str], body: str) -> tuple[str, dict[str, Any]]:
    line = json.dumps(
        {
            "method": params["method"],
            "params": params,
            "http_status": 200,
            "auth": "valid",
            "body": body,
        },
        separators=(",", ":"),
    )
    entry = {
        "method": params["method"],
        "params": params,
        "http_status": 200,
        "auth": "valid",
        "ok": True,
        "token_redactions": 0,
        "body_bytes": len(body),
    }
    return line, entry


def _api_params(method: str, **extra: Any) -> dict[str, str]:
    params = {"format": "json", "method": method, "module": "API"}
    params.update({k: str(v) for k, v in extra.items()})
    return dict(sorted(params.items()))


def generate(
    out: str | Path,
    *,
    visits: int,
    sites: int = 2,
    days: int = 30,
    end: dt.date = DEFAULT_END,
    source: str | Path | None = None,
    seed: int = 1,
    level: int = 1,
) -> Summary:
    """Write a synthetic recording of `visits` visits over `sites` sites and `days` local days
    ending on `end` into `out` (created; existing recording files are replaced)."""
    if visits < 0 or sites < 1 or days < 1:
        raise ValueError("visits >= 0, sites >= 1 and days >= 1 are required")
    started = time.perf_counter()
    from . import bundled_recording_dir

    recording = load_recording(source or bundled_recording_dir())
    specs, pools = _templates(recording, sites)
    directory = Path(out)
    directory.mkdir(parents=True, exist_ok=True)
    day_list = [end - dt.timedelta(days=days - 1 - i) for i in range(days)]
    counts = day_counts(visits, sites, day_list, seed)
    summary = Summary(directory=directory, days=days, sites=sites)
    writer = _MemberWriter(directory / CALLS_FILE, level)
    entries: list[dict[str, Any]] = []

    def emit(params: dict[str, str], body: str, group: str, **extra: Any) -> None:
        line, entry = _call_line(params, body)
        writer.write(line + "\n")
        entries.append({"line": len(entries), "group": group, **entry, **extra})
        summary.body_bytes += len(body)

    try:
        emit(_api_params("API.getMatomoVersion"), compact_json({"value": "5.0.2"}), "meta")
        emit(
            _api_params("SitesManager.getSitesWithAtLeastViewAccess"),
            compact_json([s.row for s in specs]),
            "meta",
        )
        for spec in specs:
            emit(
                _api_params("SitesManager.getSiteFromId", idSite=spec.id),
                compact_json(spec.row),
                "meta",
            )
            emit(_api_params("Goals.getGoals", idSite=spec.id), compact_json(spec.goals), "meta")
        rng = random.Random(seed)
        next_id = 1
        rounds: dict[int, int] = {}
        for spec, site_counts in zip(specs, counts, strict=True):
            pool = pools[spec.template]
            for day, count in zip(day_list, site_counts, strict=True):
                texts, actions, next_id = _day_visits(spec, pool, day, count, next_id, rng, rounds)
                params = _api_params(
                    LIVE_METHOD,
                    idSite=spec.id,
                    period="day",
                    date=day.isoformat(),
                    filter_limit=-1,
                    filter_sort_order="asc",
                )
                emit(
                    params,
                    "[" + ",".join(texts) + "]",
                    LIVE_GROUP,
                    visits=len(texts),
                    actions=actions,
                )
                summary.visits += len(texts)
                summary.actions += actions
    finally:
        members = writer.close()
    for entry, (offset, length) in zip(entries, members, strict=True):
        entry["gzip_offset"], entry["gzip_length"] = offset, length
    summary.calls = len(entries)
    summary.gz_bytes = sum(length for _, length in members)
    manifest = {
        "format": FORMAT,
        "matomo_version": "5.0.2",
        "recorded_at_utc": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "synthetic": {
            "note": "real recorded visits cloned with new idVisit and whole-day time shifts",
            "source": str(Path(source or bundled_recording_dir())),
            "visits": visits,
            "sites": sites,
            "days": days,
            "seed": seed,
        },
        "lazy_live": True,
        "date_range": {
            "start": day_list[0].isoformat(),
            "end": day_list[-1].isoformat(),
            "note": "local dates in each site's timezone",
        },
        "sites": [_manifest_site(s) for s in specs],
        "goals": {str(s.id): s.goals for s in specs},
        "counts": {
            "calls": summary.calls,
            "visits": summary.visits,
            "actions": summary.actions,
            "calls_gz_bytes": summary.gz_bytes,
            "bodies_bytes": summary.body_bytes,
        },
        "calls": entries,
    }
    (directory / MANIFEST_FILE).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    summary.seconds = time.perf_counter() - started
    log.info(
        "synthetic recording %s: %d visits, %d actions, %d calls, %.0f MB gz in %.1fs",
        directory,
        summary.visits,
        summary.actions,
        summary.calls,
        summary.gz_bytes / 1e6,
        summary.seconds,
    )
    return summary


def _manifest_site(spec: SiteSpec) -> dict[str, Any]:
    row = spec.row
    return {
        "idsite": spec.id,
        "name": row.get("name"),
        "main_url": row.get("main_url"),
        "timezone": row.get("timezone"),
        "currency": row.get("currency"),
        "ecommerce": bool(row.get("ecommerce")),
        "sitesearch": bool(row.get("sitesearch")),
        "template_site": spec.template,
    }


def _templates(
    recording: Recording, sites: int
) -> tuple[list[SiteSpec], dict[int, list[VisitTemplate]]]:
    """Synthetic sites cycling over the recorded ones, and each recorded site's visits."""
    pools: dict[int, list[VisitTemplate]] = {}
    rows: dict[int, dict[str, Any]] = {}
    goals: dict[int, list[dict[str, Any]]] = {}
    for site_id in sorted(recording.sites):
        site_call = recording.lookup(_api_params("SitesManager.getSiteFromId", idSite=site_id))
        goal_call = recording.lookup(_api_params("Goals.getGoals", idSite=site_id))
        days = sorted(recording.live.recorded_days(site_id))
        if site_call is None or not days:
            continue
        row = json.loads(site_call.body)
        goal_rows = json.loads(goal_call.body) if goal_call is not None else []
        rows[site_id] = row
        goals[site_id] = list(goal_rows.values()) if isinstance(goal_rows, dict) else goal_rows
        pool = []
        for day in days:
            live_day = recording.live.day(site_id, day)
            for visit in live_day.asc if live_day else []:
                pool.append(compile_template(visit.data, str(row["timezone"])))
        if pool:
            pools[site_id] = pool
    if not pools:
        raise ValueError(f"{recording.directory} has no Live day lists to clone")
    templates = sorted(pools)
    specs = []
    for i in range(sites):
        template = templates[i % len(templates)]
        row = dict(rows[template])
        row["idsite"] = i + 1
        if i >= len(templates):
            row["name"] = f"{row.get('name')} {i + 1}"
        site_goals = [{**g, "idsite": i + 1} for g in goals[template]]
        specs.append(SiteSpec(id=i + 1, template=template, row=row, goals=site_goals))
    return specs, pools


def _day_visits(
    spec: SiteSpec,
    pool: list[VisitTemplate],
    day: dt.date,
    count: int,
    next_id: int,
    rng: random.Random,
    rounds: dict[int, int],
) -> tuple[list[str], int, int]:
    """`count` visits on local `day`, sorted by (lastActionTimestamp, idVisit), rendered."""
    zone = ZoneInfo(spec.timezone)
    chosen: list[tuple[int, int, int]] = []  # (shifted last ts, template index, days)
    attempts = 0
    while len(chosen) < count:
        index = rng.randrange(len(pool))
        template = pool[index]
        shift = (day - template.local_day).days
        ts = template.last_action_ts + shift * _DAY
        attempts += 1
        # A whole-day shift across a DST change moves the local clock by an hour; a visit
        # near midnight may then land on another local day: pick another one.
        if dt.datetime.fromtimestamp(ts, zone).date() != day and attempts < 100 * (count + 1):
            continue
        chosen.append((ts, index, shift))
    chosen.sort()
    texts = []
    actions = 0
    for _, index, shift in chosen:
        template = pool[index]
        round_ = rounds.get(id(template), 0)
        rounds[id(template)] = round_ + 1
        text = template.render(Clone(id_visit=next_id, days=shift, round=round_))
        texts.append(text.replace('"idSite":' + str(template.site), f'"idSite":{spec.id}', 1))
        actions += template.actions
        next_id += 1
    return texts, actions, next_id


# ---------------------------------------------------------------------------- serving


def is_lazy(manifest: Mapping[str, Any]) -> bool:
    return bool(manifest.get("lazy_live")) and all(
        "gzip_offset" in e for e in manifest.get("calls") or []
    )


def _read_member(path: Path, offset: int, length: int) -> dict[str, Any]:
    with path.open("rb") as fh:
        fh.seek(offset)
        data = fh.read(length)
    loaded = json.loads(zlib.decompress(data, 31))
    if not isinstance(loaded, dict):
        raise ValueError(f"{path} @{offset}: not a recorded call")
    return loaded


_ID_RE = re.compile(r'"idVisit":(\d+)')
_TS_RE = re.compile(r'"lastActionTimestamp":(\d+)')
_SPLIT = ',{"idSite":'


def split_visits(body: str) -> list[Visit]:
    """The visits of a synthetic day list, cut at the top-level `{"idSite":` that starts each
    visit (only the sort keys are decoded; `data` holds idSite, idVisit and
    lastActionTimestamp). Falls back to a full parse for any other text."""
    inner = body.strip()
    if inner == "[]":
        return []
    if not inner.startswith('[{"idSite":') or not inner.endswith("}]"):
        return _parsed_visits(body)
    chunks = inner[1:-1].split(_SPLIT)
    visits = []
    for i, chunk in enumerate(chunks):
        text = chunk if i == 0 else '{"idSite":' + chunk
        id_match, ts_match = _ID_RE.search(text), _TS_RE.search(text)
        if id_match is None or ts_match is None:
            return _parsed_visits(body)
        site = text[len('{"idSite":') : text.index(",")]
        id_visit, ts = int(id_match.group(1)), int(ts_match.group(1))
        data = {"idSite": int(site), "idVisit": id_visit, "lastActionTimestamp": ts}
        visits.append(Visit(id_visit, ts, data, text))
    return visits


def _parsed_visits(body: str) -> list[Visit]:
    return [
        Visit(int(d["idVisit"]), int(d.get("lastActionTimestamp") or 0), d, t)
        for d, t in split_json_array(body)
        if isinstance(d, dict) and "idVisit" in d
    ]


class LazyLiveStore(LiveStore):
    """Day lists read from their gzip member on demand; the last `keep_days` decoded days are
    kept (a paging client asks for the same day repeatedly, then moves on)."""

    def __init__(
        self,
        path: Path,
        entries: list[dict[str, Any]],
        timezones: Mapping[int, str],
        keep_days: int = 8,
    ) -> None:
        super().__init__((), timezones)
        self._path = path
        self._members: dict[tuple[int, dt.date], tuple[int, int]] = {}
        for entry in entries:
            params = entry.get("params") or {}
            if entry.get("group") != LIVE_GROUP or params.get("period") != "day":
                continue
            key = (int(params["idSite"]), dt.date.fromisoformat(params["date"]))
            self._members.setdefault(key, (int(entry["gzip_offset"]), int(entry["gzip_length"])))
        self._cache: OrderedDict[tuple[int, dt.date], LiveDay] = OrderedDict()
        self._keep = max(1, keep_days)

    def recorded_days(self, site: int) -> set[dt.date]:
        return {d for s, d in self._members if s == site}

    def day(self, site: int, day: dt.date) -> LiveDay | None:
        key = (site, day)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                return found
            member = self._members.get(key)
            if member is None:
                return None
            call = _read_member(self._path, *member)
            found = LiveDay(split_visits(str(call.get("body", "[]"))))
            self._cache[key] = found
            while len(self._cache) > self._keep:
                self._cache.popitem(last=False)
            return found


def load_lazy_recording(directory: str | Path, manifest: dict[str, Any]) -> Recording:
    """A recording whose Live day lists stay on disk (see module docstring)."""
    directory = Path(directory)
    path = directory / CALLS_FILE
    calls = []
    live_entries = []
    for entry in manifest.get("calls") or []:
        if entry.get("group") == LIVE_GROUP:
            live_entries.append(entry)
            continue
        raw = _read_member(path, int(entry["gzip_offset"]), int(entry["gzip_length"]))
        params = {str(k): str(v) for k, v in (raw.get("params") or {}).items()}
        calls.append(
            RecordedCall(
                line=int(entry["line"]),
                method=str(raw.get("method") or params.get("method", "")),
                params=params,
                http_status=int(raw.get("http_status", 200)),
                auth=str(raw.get("auth") or "valid"),
                body=str(raw.get("body", "")),
                group=str(entry.get("group") or ""),
            )
        )
    sites = _sites(manifest, calls)
    timezones = {sid: str(s["timezone"]) for sid, s in sites.items() if s.get("timezone")}
    return Recording(
        directory=directory,
        manifest=manifest,
        calls=calls,
        sites=sites,
        live=LazyLiveStore(path, live_entries, timezones),
    )


def iter_calls(directory: str | Path) -> Iterator[dict[str, Any]]:
    """Every recorded call of a recording directory, streamed (for checks and tests)."""
    with gzip.open(Path(directory) / CALLS_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipelines.recording.synthetic", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--visits", type=int, required=True)
    parser.add_argument("--sites", type=int, default=2)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument(
        "--end",
        type=dt.date.fromisoformat,
        default=DEFAULT_END,
        help="last local day (default %(default)s)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--source", type=Path, default=None, help="recording to clone (default: the bundled one)"
    )
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    summary = generate(
        args.out,
        visits=args.visits,
        sites=args.sites,
        days=args.days,
        end=args.end,
        source=args.source,
        seed=args.seed,
    )
    print(
        f"{summary.directory}: {summary.visits} visits, {summary.actions} actions, "
        f"{summary.calls} calls, {summary.gz_bytes / 1e6:.1f} MB gzip "
        f"({summary.body_bytes / 1e6:.0f} MB JSON) in {summary.seconds:.1f}s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
