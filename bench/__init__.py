"""Benchmarks (not tests): `make bench` / `python -m bench`.

Dev tooling outside the runtime package (it imports `pipelines`, never the other way round).
One run generates (or reuses) synthetic recordings (`bench.synthetic`), serves them with
`RecordingServer` in this process, and runs every measured step in a child process
(`bench.worker`), so that each peak RSS is the step's own:

1. floor: the same Live pages downloaded and JSON-parsed with the same concurrency;
2. load: the Live source into a fresh DuckDB (visits/s, rows/s, peak RSS, dlt step times);
   the last day is not final yet (`now` = that day, 12:00 UTC);
3. dbt build of all marts (skipped with a note while `pipelines.transform` is missing);
4. incremental: a day later, the not-final day of each site is re-read, then dbt build again;
5. no-op refresh: the same again with nothing new (load + dbt build);
6. latency (only with `--latency-ms`): a smaller recording served with that latency per
   request; its wall time is set against pages / concurrency x latency.

Default size 200k visits (4 sites x 60 days); `make bench VISITS=1000000 SKIP_DBT=1`.

Prints a table (`bench.report`) and writes JSON (default bench/out/results.json). The steps
are in `bench.steps`, the command line in `bench.__main__`.
"""
