"""The command line on a Dask cluster: ``declutter --scheduler ADDRESS|local``.

The inputs are planned as for any run (directories walked, lists read), then handed to the
cluster as paths: the workers read the files (they must see the same file system),
extract them (`declutter.dask`) and either write the output themselves (``-o DIR``: one
``DIR/part.NNNNN.parquet`` or ``.jsonl`` per partition) or send the rows back to be printed
as jsonl, in input order, exactly as a run without ``--scheduler`` prints them.

Dask is imported only when ``--scheduler`` is given: the core package does not need it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ._cli_outputs import Progress, atomic_write
from ._inputs import Entry
from ._options import Options
from ._render import json_record

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client

__all__ = ["add_arguments", "check", "execute"]

INSTALL = "--scheduler needs Dask: pip install 'declutter[dask]'"
_FORMATS = ("jsonl", "parquet")
_PARTITIONS_PER_THREAD = 4
"""Partitions of HTML files per worker thread: small enough to balance pages of uneven
cost, large enough that a task's overhead is small next to its pages."""

Report = Callable[[str, str], object]
"""Reports one failed input: (name, message)."""


def add_arguments(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="extract on a Dask cluster: the scheduler's address (tcp://host:8786), or local "
        "to start one here with --jobs workers (default: one per CPU); writes jsonl (stdout, "
        "or one file per task under -o DIR) or parquet (-o DIR); needs declutter[dask]",
    )  # fmt: skip
    group.add_argument(
        "--partitions", type=_positive, metavar="N",
        help="with --scheduler: split the HTML files into N tasks (default: 4 per worker "
        "thread); each WARC file is one task",
    )  # fmt: skip


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def check(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Usage errors of the cluster flags (exit 2 before anything is read)."""
    if args.scheduler is None:
        if args.format == "parquet" or args.partitions is not None:
            parser.error("--format parquet and --partitions go with --scheduler")
        return
    try:
        import distributed  # noqa: F401

        from . import dask  # noqa: F401  (the extra's imports: dask, pandas, pyarrow)
    except ImportError:
        parser.exit(2, f"declutter: {INSTALL}\n")
    if args.format not in (None, *_FORMATS):
        parser.error("--scheduler writes --format jsonl or parquet")
    if args.format == "parquet" and not args.output_dir:
        parser.error("--format parquet needs -o DIR")
    if "-" in args.inputs or args.explain or args.explain_html is not None:
        parser.error("--scheduler reads files (not stdin) and cannot --explain")
    if args.jobs is not None and args.scheduler != "local":
        parser.error("--jobs with --scheduler sets the workers of --scheduler local only")


def execute(
    args: argparse.Namespace, entries: Sequence[Entry], options: Options, *, named: bool,
    stdout: TextIO, progress: Progress, report: Report,
) -> None:  # fmt: skip
    """Extract `entries` on the cluster and write their output; every page counts in
    `progress`, every failed one is also `report`-ed."""
    from .dask import _articles_from_entries, _DaskSettings, _partitions

    if not entries:  # only directories without pages: nothing to send, no cluster to start
        return
    out = Path(args.output_dir).absolute() if args.output_dir else None
    fmt = args.format or "jsonl"
    with contextlib.ExitStack() as stack:
        try:
            client = stack.enter_context(_client(args.scheduler, args.jobs))
        except OSError as exc:  # refused, or timed out (TimeoutError is an OSError)
            report(args.scheduler, f"cannot reach the Dask scheduler: {exc}")
            return
        if out is not None and not _clear(out, fmt, force=args.force, report=report):
            return
        partitions = args.partitions or _PARTITIONS_PER_THREAD * sum(client.nthreads().values())
        settings = _DaskSettings(options, url=args.url, encoding=args.encoding, cwd=os.getcwd())
        frame = _articles_from_entries(_partitions(entries, partitions), settings)
        if out is None:
            _print_jsonl(
                client, frame, named=named, stdout=stdout, progress=progress, report=report
            )
        else:
            _write_parts(client, frame, out, fmt, named=named, progress=progress, report=report)


@contextlib.contextmanager
def _client(address: str, jobs: int | None) -> Iterator[Client]:
    import logging

    from distributed import Client, LocalCluster

    from ._batch import default_jobs

    if address != "local":
        with Client(address, set_as_default=False) as client:
            yield client
        return
    workers = jobs or default_jobs()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):  # fmt: skip
        yield client


def _clear(out: Path, fmt: str, *, force: bool, report: Report) -> bool:
    """Make room for this run's part files in `out`: an earlier run's parts stay unless
    `force` (then they go, so that the directory holds this run's output only)."""
    earlier = sorted(out.glob(f"part.*.{fmt}")) if out.is_dir() else []
    if earlier and not force:
        report(str(earlier[0]), "exists (use --force to overwrite)")
        return False
    for path in earlier:
        path.unlink()
    return True


# --- output ------------------------------------------------------------------------------


def _print_jsonl(
    client: Client, frame: dd.DataFrame, *, named: bool, stdout: TextIO, progress: Progress,
    report: Report,
) -> None:  # fmt: skip
    """Every partition computed on the cluster, printed in order as it arrives."""
    pending = deque(client.compute(frame.to_delayed()))
    while pending:
        part = pending.popleft().result()  # popped: the cluster forgets it once printed
        text, failures = _jsonl(part, named)
        progress.clear()
        stdout.write(text)
        stdout.flush()
        _count(len(part), failures, progress, report)


def _write_parts(
    client: Client, frame: dd.DataFrame, out: Path, fmt: str, *, named: bool, progress: Progress,
    report: Report,
) -> None:  # fmt: skip
    """Each worker writes its partitions' files; only their failures come back."""
    from dask.delayed import delayed

    write = delayed(_write_part, pure=True)
    parts = frame.to_delayed()
    tasks = [write(part, out / f"part.{i:05d}.{fmt}", named) for i, part in enumerate(parts)]
    for future in client.compute(tasks):
        pages, failures = future.result()
        _count(pages, failures, progress, report)


def _count(pages: int, failures: list[tuple[str, str]], progress: Progress, report: Report) -> None:
    for name, message in failures:
        report(name, message)
        progress.step(failed=True)
    for _ in range(pages - len(failures)):
        progress.step(failed=False)


def _write_part(part: pd.DataFrame, path: Path, named: bool) -> tuple[int, list[tuple[str, str]]]:
    """(runs in a worker) Write one partition's file; its page count and failures."""
    if path.suffix == ".parquet":
        data: str | bytes = _parquet(part)
        failures = _failures(part)
    else:
        data, failures = _jsonl(part, named)
    atomic_write(path, data, force=True)  # _clear made room: nothing of the user's is there
    return len(part), failures


def _jsonl(part: pd.DataFrame, named: bool) -> tuple[str, list[tuple[str, str]]]:
    """The jsonl records of a partition's articles, as ``--format jsonl`` writes them, and
    its failed pages: (input, error)."""
    import pyarrow as pa

    from .dask import article_from_row

    lines, failures = [], []
    for row in pa.Table.from_pandas(part, preserve_index=False).to_pylist():
        article = article_from_row(row)
        if article is None:
            failures.append((row["input"], row["error"]))
        else:
            lines.append(json_record(article, extra={"input": row["input"]} if named else None))
    return "".join(lines), failures


def _parquet(part: pd.DataFrame) -> bytes:
    """The partition as a Parquet file, without pandas' metadata: pandas cannot read back
    its own name for a list column's type, other readers do not need it."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .dask import SCHEMA

    table = pa.Table.from_pandas(part, schema=SCHEMA, preserve_index=False)
    sink = pa.BufferOutputStream()
    pq.write_table(table.replace_schema_metadata(None), sink)
    data: bytes = sink.getvalue().to_pybytes()
    return data


def _failures(part: pd.DataFrame) -> list[tuple[str, str]]:
    failed = part[part["error"].notna()]
    return list(zip(failed["input"].tolist(), failed["error"].tolist(), strict=True))
