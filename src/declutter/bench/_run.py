"""Running one tool over one dataset: timing as the reference scorers do, then scoring."""

from __future__ import annotations

import contextlib
import time
from dataclasses import asdict, dataclass
from typing import Any

from ._data import BenchPage, Dataset
from ._metrics import METRICS, Prediction
from ._tools import Tool

__all__ = ["PageRun", "ToolRun", "run_tool"]

_WARM_UP = b"<html><body><p>warm up</p></body></html>"


@dataclass(frozen=True, slots=True)
class PageRun:
    """One tool's result on one page."""

    page: BenchPage
    prediction: Prediction
    seconds: float
    error: str | None
    score: dict[str, Any]
    """The metric's per-page values (see `_metrics.Metric.page`)."""
    f1: float
    """The page's body F1, to rank pages."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-able record: page id and url, timing, error, output fields and scores."""
        return {
            "id": self.page.id, "url": self.page.url, "seconds": self.seconds, "error": self.error,
            **{f"output_{k}": v for k, v in asdict(self.prediction).items()},
            **self.score, "page_f1": self.f1,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class ToolRun:
    """One tool over one dataset."""

    tool: Tool
    dataset: Dataset
    pages: tuple[PageRun, ...]
    summary: dict[str, float]
    seconds: float
    """Time spent inside the tool, all pages together."""

    @property
    def errors(self) -> int:
        """Pages on which the tool raised (scored as empty output)."""
        return sum(1 for p in self.pages if p.error)

    @property
    def pages_per_second(self) -> float:
        """Pages per second of extractor time."""
        return len(self.pages) / self.seconds if self.seconds else float("inf")


def _timed(tool: Tool, page: BenchPage) -> tuple[Prediction, float, str | None]:
    start = time.perf_counter()
    try:
        prediction = tool.extract(page.html, page.url)
    except Exception as exc:  # noqa: BLE001 - as the reference scorers: a crash is an empty output
        return Prediction(), time.perf_counter() - start, f"{type(exc).__name__}: {exc}"
    return prediction, time.perf_counter() - start, None


def _warm_up(tool: Tool) -> None:
    # lazy imports and one-time setup are not timed; a tool failing on this page still runs
    with contextlib.suppress(Exception):
        tool.extract(_WARM_UP, None)


def run_tool(tool: Tool, dataset: Dataset) -> ToolRun:
    """Run `tool` on every page of `dataset`, one page at a time after a warm-up, and score."""
    metric = METRICS[dataset.kind]
    _warm_up(tool)
    runs = []
    for page in dataset.pages:
        prediction, seconds, error = _timed(tool, page)
        score = metric.page(page.gold, prediction)
        runs.append(PageRun(page, prediction, seconds, error, score, metric.page_f1(score)))
    summary = metric.summary([r.score for r in runs])
    return ToolRun(tool, dataset, tuple(runs), summary, sum(r.seconds for r in runs))
