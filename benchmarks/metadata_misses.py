#!/usr/bin/env python3
"""declutter's metadata misses on one dataset: every page whose title, author or date the
benchmark scores wrong, with declutter's value and the gold one.

    python benchmarks/metadata_misses.py [--dataset trafilatura-dev] [--field date] [--time]

Scoring is the benchmark's own (`python -m declutter.bench`, `docs/benchmark.md`): the same
pages, the same rules, so the misses listed add up to its title/author/date figures.
`--time` also lists zh-style pages (gold `YYYY-MM-DDTHH:MM`) whose time of day differs, a
finer check than the benchmark's same-day rule.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from declutter.bench import DATASETS, PageRun, load_dataset, load_tools, run_tool

_FIELDS = ("title", "author", "date")


def _misses(runs: tuple[PageRun, ...], fields: list[str], times: bool) -> Iterator[str]:
    for run in runs:
        for name in fields:
            if run.score.get(f"{name}_ok") is False:
                got, gold = getattr(run.prediction, name), run.page.gold.get(name)
                yield f"{run.page.id[:60]:60} {name}: {got!r} != {gold!r}"
        gold_date = str(run.page.gold.get("date") or "")
        if times and "T" in gold_date and (run.prediction.date or "")[:16] != gold_date[:16]:
            yield f"{run.page.id[:60]:60} time: {run.prediction.date!r} != {gold_date!r}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--dataset", choices=DATASETS, default="trafilatura-dev")
    parser.add_argument("--field", choices=_FIELDS, action="append", help="default: all three")
    parser.add_argument(
        "--time", action="store_true", help="also the time of day, where gold has one"
    )
    args = parser.parse_args(argv)
    tools, _ = load_tools(["declutter"])
    run = run_tool(tools[0], load_dataset(args.dataset))
    lines = list(_misses(run.pages, args.field or list(_FIELDS), args.time))
    print("\n".join(lines) or "no misses")
    print(f"{len(lines)} misses on {len(run.pages)} pages; summary {run.summary}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
