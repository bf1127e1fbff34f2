"""The benchmark: declutter and reference extractors on three datasets.

Run ``python -m declutter.bench --help``; see ``docs/benchmark.md``. Metrics agree with the
reference scorers in ``benchmarks/reference/`` (tests/quality/test_metrics_agree.py). Not imported by
``declutter`` itself; the reference tools are imported only when asked for.
"""

from __future__ import annotations

from ._cli import main
from ._data import DATASETS, BenchPage, Dataset, corpus_sha256, load_dataset
from ._metrics import METRICS, Prediction, body_prf
from ._run import PageRun, ToolRun, run_tool
from ._tools import TOOLS, Tool, load_tools

__all__ = [
    "DATASETS",
    "METRICS",
    "TOOLS",
    "BenchPage",
    "Dataset",
    "PageRun",
    "Prediction",
    "Tool",
    "ToolRun",
    "body_prf",
    "corpus_sha256",
    "load_dataset",
    "load_tools",
    "main",
    "run_tool",
]
