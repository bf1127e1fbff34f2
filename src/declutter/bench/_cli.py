"""``python -m declutter.bench``: argument parsing and the run over datasets and tools."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._data import DATASETS, Dataset, corpus_sha256, load_dataset
from ._report import format_table, format_worst
from ._run import ToolRun, run_tool
from ._tools import TOOLS, Tool, load_tools

__all__ = ["main"]

_DEFAULT_TOOLS = ("declutter", "trafilatura", "resiliparse", "readability", "justext")
_EPILOG = f"""tools: {", ".join(TOOLS)} (default: {",".join(_DEFAULT_TOOLS)}); a tool that is not
installed is skipped with a note. Datasets: scrapinghub and trafilatura-dev from --data
(default: fixtures/bench of the source tree), zh from the fixture pages (see declutter.testing)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m declutter.bench",
        description="Score declutter and reference extractors on the benchmark datasets.",
        epilog=_EPILOG,
    )
    parser.add_argument(
        "--dataset", action="append", choices=DATASETS, help="run only this dataset (repeatable)"
    )
    parser.add_argument(
        "--tools", default=",".join(_DEFAULT_TOOLS), help="comma-separated tool names"
    )
    parser.add_argument(
        "--limit", type=int, help="only the first N pages of each dataset (sorted by id)"
    )
    parser.add_argument(
        "--json", type=Path, help="write summaries and every page's result and output here"
    )
    parser.add_argument(
        "--worst", type=int, default=0, metavar="N", help="explain declutter's N worst pages"
    )
    parser.add_argument(
        "--data", type=Path, help="folder holding scrapinghub/ and trafilatura-dev/"
    )
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


def _bench(args: argparse.Namespace, tools: Sequence[Tool]) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for name in args.dataset or DATASETS:
        dataset = load_dataset(name, args.data)
        if args.limit:
            dataset = Dataset(dataset.name, dataset.kind, dataset.pages[: args.limit])
        runs = _run_dataset(dataset, tools)
        sha256 = corpus_sha256(dataset)
        print(format_table(runs, sha256) + "\n", flush=True)
        for run in runs:
            if run.tool.name == "declutter" and args.worst > 0:
                print(format_worst(run, args.worst) + "\n", flush=True)
        results[name] = _json_record(runs, sha256)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; returns the process exit code."""
    args = _parser().parse_args(argv)
    with warnings.catch_warnings():  # import-time warnings of the tools (newspaper: no nltk)
        warnings.simplefilter("ignore")
        tools, notes = load_tools(_tool_names(args.tools))
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    if not tools:
        raise SystemExit("no tool to run")
    logging.disable(logging.CRITICAL)  # as the reference scorers: the tools' log noise off
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            results = _bench(args, tools)
    finally:
        logging.disable(logging.NOTSET)
    if args.json:
        out = {"python": sys.version.split()[0], "notes": notes, "datasets": results}
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0
