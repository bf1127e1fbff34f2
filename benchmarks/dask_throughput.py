#!/usr/bin/env python3
"""Pages per second: one process against a Dask LocalCluster, on the ScrapingHub pages.

    .venv/bin/pip install -e '.[dask]'
    .venv/bin/python benchmarks/dask_throughput.py [--copies 5] [--repeat 5] [--workers 2]

A benchmark, not a test: it prints a Markdown table (README, "Beyond one machine"). Each
setup extracts the same pages (the 181 ScrapingHub pages, `--copies` times over) `--repeat`
times after one warm-up run; the table gives the median. The cluster's start-up is timed
apart. The pages reach the cluster as the documentation says they should: from Parquet
files (``articles_from_pages``) or WARC files (``articles_from_warc``) that the workers
read, one partition each, not through the graph.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
import pyarrow as pa
from distributed import Client, LocalCluster

import declutter
from declutter import DEFAULT_OPTIONS, Options
from declutter.bench._data import BenchPage, load_dataset
from declutter.dask import articles_from_pages, articles_from_warc


def _in_processes(pages: Sequence[BenchPage], jobs: int) -> Callable[[], int]:
    """declutter's own batch API: this process (jobs=1) or a pool of `jobs` processes."""

    def run() -> int:
        items = ((p.html, p.url) for p in pages)
        return sum(1 for _ in declutter.extract_many(items, jobs=jobs, keep_blocks=False))

    return run


def _on_cluster(client: Client, build: Callable[[Options], dd.DataFrame]) -> Callable[[], int]:
    runs = itertools.count()

    def run() -> int:
        # a new graph each run (options that differ in a limit no page reaches): the same
        # graph again would get the previous run's results, which the cluster still holds
        options = Options(max_bytes=DEFAULT_OPTIONS.max_bytes + next(runs))
        return len(client.compute(build(options)).result())

    return run


def _parquet_pages(
    pages: Sequence[BenchPage], folder: Path, files: int
) -> Callable[[Options], dd.DataFrame]:
    for i in range(files):
        part = pages[i::files]
        pd.DataFrame({
            "html": pd.array([p.html for p in part], dtype=pd.ArrowDtype(pa.binary())),
            "url": pd.array([p.url for p in part], dtype=pd.ArrowDtype(pa.string())),
        }).to_parquet(folder / f"pages.{i:03d}.parquet")  # fmt: skip
    return lambda options: articles_from_pages(dd.read_parquet(folder), options=options)


def _warc_files(
    pages: Sequence[BenchPage], folder: Path, files: int
) -> Callable[[Options], dd.DataFrame]:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    paths = []
    for i in range(files):
        path = folder / f"crawl.{i:03d}.warc.gz"
        with path.open("wb") as out:
            writer = WARCWriter(out, gzip=True)
            for n, page in enumerate(pages[i::files]):
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
                url = page.url or f"https://example.org/{i}/{n}"
                payload = BytesIO(page.html)
                writer.write_record(
                    writer.create_warc_record(url, "response", payload=payload, http_headers=http)
                )
        paths.append(path)
    return lambda options: articles_from_warc(paths, options=options)


def _measure(setups: list[tuple[str, Callable[[], int]]], repeat: int) -> list[list[float]]:
    """Seconds of each timed run of each setup. The setups take turns, run after run, so
    that a change in the machine's load (other users' jobs) falls on all of them alike."""
    for _, run in setups:
        run()  # warm-up: imports, caches, the workers' first tasks
    times: list[list[float]] = [[] for _ in setups]
    for _ in range(repeat):
        for (_, run), spent in zip(setups, times):
            start = time.perf_counter()
            run()
            spent.append(time.perf_counter() - start)
    return times


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=5, help="the page set, this many times")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per setup (median)")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    parser.add_argument(
        "--partitions", type=int, default=4, help="partitions (files) per worker thread"
    )
    args = parser.parse_args()
    pages = list(load_dataset("scrapinghub").pages) * args.copies
    files = args.partitions * args.workers
    print(f"{len(pages)} pages (ScrapingHub x{args.copies}), median of {args.repeat} runs, "
          f"{os.cpu_count()} CPUs, load average before: {_load()}\n")  # fmt: skip
    with tempfile.TemporaryDirectory() as temp:
        started = time.perf_counter()
        with (
            LocalCluster(
                n_workers=args.workers, threads_per_worker=1, processes=True,
                dashboard_address=":0",
            ) as cluster,
            Client(cluster) as client,
        ):  # fmt: skip
            startup = time.perf_counter() - started
            label = f"LocalCluster, {args.workers} workers, {files}"
            setups = [
                ("one process (extract_many, jobs=1)", _in_processes(pages, 1)),
                (f"process pool (extract_many, jobs={args.workers})",
                 _in_processes(pages, args.workers)),
                (f"{label} Parquet files",
                 _on_cluster(client, _parquet_pages(pages, Path(temp), files))),
                (f"{label} WARC files", _on_cluster(client, _warc_files(pages, Path(temp), files))),
            ]  # fmt: skip
            times = _measure(setups, args.repeat)
    base = len(pages) / statistics.median(times[0])
    print("| setup | pages/s (median) | slowest-fastest run | speed-up |")
    print("| --- | ---: | ---: | ---: |")
    for (name, _), spent in zip(setups, times):
        rate = len(pages) / statistics.median(spent)
        spread = f"{len(pages) / max(spent):.0f}-{len(pages) / min(spent):.0f}"
        print(f"| {name} | {rate:.0f} | {spread} | {rate / base:.2f}x |")
    print(f"\nLocalCluster start-up (not in the times above): {startup:.1f} s; load average "
          f"after: {_load()}")  # fmt: skip


if __name__ == "__main__":
    main()
