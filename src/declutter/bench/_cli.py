"""``python -m declutter.bench``: argument parsing and the run over datasets and tools."""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._data import (
    DATASETS,
    SHARED_DATASETS,
    WCEB_DATASETS,
    Dataset,
    corpus_sha256,
    load_dataset,
    sample_pages,
)
from ._metrics import METRICS, score_agreement
from ._report import format_agreement, format_speed, format_table, format_worst
from ._run import ToolRun, run_tool
from ._sites import same_site_pages, with_site_memory
from ._snapshot import compare, write_snapshot
from ._speed import SpeedRun, run_speed
from ._tools import FLOORS, TOOLS, Tool, load_tools

__all__ = ["main"]

_DEFAULT_TOOLS = ("declutter", "trafilatura", "resiliparse", "readability", "justext")
_SPEED_TOOLS = ("declutter", "declutter-python", "declutter-body", "trafilatura", "resiliparse")
_EPILOG = f"""tools: {", ".join(TOOLS)} (default: {",".join(_DEFAULT_TOOLS)}; with --speed:
{",".join(_SPEED_TOOLS)}, plus the parse-only floors {", ".join(FLOORS)}); a tool that is not
installed is skipped with a note. Datasets: scrapinghub and trafilatura-dev from --data
(default: fixtures/bench of the source tree), zh from the fixture pages (see declutter.testing),
{" and ".join(WCEB_DATASETS)} from ../shared/bench/wceb-dev beside the checkout (scored with that
folder's ROUGE-LSum, which needs nltk), dates (htmldate's evaluation pages, publication day only)
from ../shared/bench/dates; each skipped with a note when absent. With --speed the default is
scrapinghub."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m declutter.bench",
        description="Score declutter and reference extractors on the benchmark datasets.",
        epilog=_EPILOG,
    )
    parser.add_argument(
        "--dataset", action="append", choices=DATASETS, help="run only this dataset (repeatable)"
    )
    parser.add_argument("--tools", help="comma-separated tool names")
    parser.add_argument(
        "--limit", type=int, help="only the first N pages of each dataset (sorted by id)"
    )
    parser.add_argument(
        "--sample", type=int, metavar="N", help="N pages of each dataset drawn at random (--seed)"
    )
    parser.add_argument("--seed", default="1", help="--sample: the draw's seed (default 1)")
    parser.add_argument(
        "--json", type=Path, help="write summaries and every page's result and output here"
    )
    parser.add_argument(
        "--worst", type=int, default=0, metavar="N", help="explain declutter's N worst pages"
    )
    parser.add_argument(
        "--data", type=Path, help="folder holding scrapinghub/ and trafilatura-dev/"
    )
    parser.add_argument(
        "--speed", action="store_true",
        help="measure speed: pages/s (median of --repeats passes) and ms/page per stage, F1 beside",
    )  # fmt: skip
    parser.add_argument(
        "--repeats", type=int, default=5, metavar="N",
        help="--speed: timed passes over all pages per tool, after one warm-up pass (default 5)",
    )  # fmt: skip
    parser.add_argument(
        "--site-memory", action="store_true",
        help="declutter without and with a SiteMemory, on the pages of sites with 2+ pages",
    )  # fmt: skip
    parser.add_argument(
        "--snapshot", type=Path, metavar="OUT",
        help="write one SHA-256 per page of declutter's whole output (every dataset) to OUT",
    )  # fmt: skip
    parser.add_argument(
        "--compare-snapshots", type=Path, nargs=2, metavar=("BEFORE", "AFTER"),
        help="name the pages whose output differs between two --snapshot files (exit 1 if any)",
    )  # fmt: skip
    return parser


def _tool_names(spec: str) -> list[str]:
    names = [n.strip() for n in spec.split(",") if n.strip()]
    unknown = [n for n in names if n not in TOOLS]
    if unknown:
        raise SystemExit(f"--tools: unknown {', '.join(unknown)}; known: {', '.join(TOOLS)}")
    return names


def _run_dataset(dataset: Dataset, tools: Sequence[Tool]) -> list[ToolRun]:
    runs = []
    for tool in tools:
        print(f"[{dataset.name}] {tool.name} ...", file=sys.stderr, flush=True)
        runs.append(run_tool(tool, dataset))
    return runs


def _json_record(runs: Sequence[ToolRun], sha256: str) -> dict[str, Any]:
    return {
        "pages": len(runs[0].dataset.pages),
        "sha256": sha256,
        "tools": {
            run.tool.name: {
                "version": run.tool.version, "summary": run.summary, "seconds": run.seconds,
                "pages_per_s": run.pages_per_second, "errors": run.errors,
                "pages": [p.to_dict() for p in run.pages],
            }
            for run in runs
        },
    }  # fmt: skip


def _speed_record(runs: Sequence[SpeedRun]) -> dict[str, Any]:
    return {
        "pages": len(runs[0].passes[0].pages),
        "tools": {
            run.tool.name: {
                "version": run.tool.version, "floor": run.floor, "f1": run.f1(),
                "pages_per_s": run.pages_per_second, "stage_seconds": run.stages,
                "errors": run.passes[-1].errors,
            }
            for run in runs
        },
    }  # fmt: skip


def _datasets(args: argparse.Namespace) -> list[Dataset]:
    names = args.dataset or (["scrapinghub"] if args.speed else DATASETS)
    datasets = []
    for name in names:
        if name in WCEB_DATASETS and importlib.util.find_spec("nltk") is None:
            # the harness's ROUGE-LSum scorer splits sentences with nltk (the bench extra)
            print(f"note: {name}: skipped, its scorer needs nltk (pip install -e '.[bench]')",
                  file=sys.stderr)  # fmt: skip
            continue
        try:
            datasets.append(load_dataset(name, args.data))
        except FileNotFoundError as exc:
            if name not in SHARED_DATASETS:
                raise
            print(f"note: {name}: skipped, {exc}", file=sys.stderr)
    if args.sample:
        datasets = [sample_pages(d, args.sample, args.seed) for d in datasets]
    if args.limit:
        datasets = [Dataset(d.name, d.kind, d.pages[: args.limit]) for d in datasets]
    return datasets


def _speed(
    args: argparse.Namespace, tools: Sequence[Tool], floors: Sequence[Tool]
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for dataset in _datasets(args):
        runs = run_speed(tools, floors, dataset, args.repeats)
        print(format_speed(runs) + "\n", flush=True)
        results[dataset.name] = _speed_record(runs)
    return results


def _site_memory(args: argparse.Namespace, tools: Sequence[Tool]) -> dict[str, Any]:
    """Each dataset's same-site pages, declutter without and with a memory learned on them."""
    plain = [t for t in tools if t.name == "declutter"]
    if not plain:
        raise SystemExit("--site-memory compares declutter with itself: --tools declutter")
    results: dict[str, Any] = {}
    for dataset in (same_site_pages(d) for d in _datasets(args)):
        if not dataset.pages:
            print(f"note: {dataset.name}: no site with 2 pages or more", file=sys.stderr)
            continue
        runs = _run_dataset(dataset, [plain[0], with_site_memory(plain[0], dataset)])
        sha256 = corpus_sha256(dataset)
        print(format_table(runs, sha256) + "\n", flush=True)
        results[dataset.name] = _json_record(runs, sha256)
    return results


def _bench(args: argparse.Namespace, tools: Sequence[Tool]) -> dict[str, Any]:
    results: dict[str, Any] = {}
    scored: list[tuple[str, float, float]] = []  # declutter's (dataset, score, F1) per page
    for dataset in _datasets(args):
        name = dataset.name
        runs = _run_dataset(dataset, tools)
        scored += [
            (name, p.prediction.score, p.f1)
            for run in runs if run.tool.name == "declutter" and "F1" in METRICS[dataset.kind].columns
            for p in run.pages if p.prediction.score is not None
        ]  # fmt: skip
        sha256 = corpus_sha256(dataset)
        print(format_table(runs, sha256) + "\n", flush=True)
        for run in runs:
            if run.tool.name == "declutter" and args.worst > 0:
                print(format_worst(run, args.worst) + "\n", flush=True)
        results[name] = _json_record(runs, sha256)
    if scored:
        agreement = score_agreement([s for _, s, _ in scored], [f for _, _, f in scored])
        print(format_agreement(agreement, sorted({d for d, _, _ in scored})) + "\n", flush=True)
    return results


def _mode(args: argparse.Namespace) -> str:
    return "speed" if args.speed else "site-memory" if args.site_memory else "quality"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; returns the process exit code."""
    args = _parser().parse_args(argv)
    if args.snapshot:
        print(f"{write_snapshot(args.snapshot)} pages", file=sys.stderr)
        return 0
    if args.compare_snapshots:
        changed = compare(*args.compare_snapshots)
        print("\n".join(changed) or "identical")
        return 1 if changed else 0
    if args.repeats < 1:
        raise SystemExit("--repeats: at least 1")
    names = _tool_names(args.tools or ",".join(_SPEED_TOOLS if args.speed else _DEFAULT_TOOLS))
    with warnings.catch_warnings():  # import-time warnings of the tools (newspaper: no nltk)
        warnings.simplefilter("ignore")
        tools, notes = load_tools(names, timed=args.speed)
        floors, floor_notes = load_tools(FLOORS, FLOORS, timed=True) if args.speed else ([], [])
    notes += floor_notes
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    if not tools:
        raise SystemExit("no tool to run")
    logging.disable(logging.CRITICAL)  # as the reference scorers: the tools' log noise off
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if args.site_memory:
                results = _site_memory(args, tools)
            else:
                results = _speed(args, tools, floors) if args.speed else _bench(args, tools)
    finally:
        logging.disable(logging.NOTSET)
    if args.json:
        out = {
            "python": sys.version.split()[0], "mode": _mode(args),
            "notes": notes, "datasets": results,
        }  # fmt: skip
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0
