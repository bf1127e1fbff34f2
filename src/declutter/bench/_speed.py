"""``python -m declutter.bench --speed``: pages per second and time per stage, F1 beside them.

The pages are in memory (`load_dataset`). After one warm-up pass of every tool, each repeat
runs every tool once over all pages, the tools interleaved (and their order rotated) so that
background load on the machine hits them alike; a pass is `run_tool`, so its time is the time
inside the tool's calls and its outputs are scored as in the quality tables. Reported: the
median pages/s over the repeats with the slowest and fastest, the median ms/page of each stage
(`StageClock`), and the F1 of the last pass.
"""

from __future__ import annotations

import gc
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from ._data import Dataset
from ._metrics import METRICS
from ._run import ToolRun, run_tool
from ._tools import Tool

__all__ = ["SpeedRun", "run_speed"]


@dataclass(slots=True)
class SpeedRun:
    """One tool's timed passes over one dataset."""

    tool: Tool
    floor: bool
    """A parse-only floor: it extracts nothing, so it has no F1."""
    passes: list[ToolRun] = field(default_factory=list)
    stages: list[dict[str, float]] = field(default_factory=list)
    """Seconds per stage of each pass, from the tool's `StageClock`."""

    @property
    def pages_per_second(self) -> list[float]:
        """Each pass's pages per second."""
        return [run.pages_per_second for run in self.passes]

    def median_pages_per_second(self) -> float:
        return statistics.median(self.pages_per_second)

    def stage_ms(self) -> dict[str, float]:
        """Median milliseconds per page of each stage over the passes."""
        pages = len(self.passes[0].pages)
        names = dict.fromkeys(name for stages in self.stages for name in stages)
        return {
            name: 1000 * statistics.median(s.get(name, 0.0) for s in self.stages) / pages
            for name in names
        }

    def f1(self) -> float | None:
        """Body F1 of the last pass in percent (None for a floor)."""
        if self.floor:
            return None
        last = self.passes[-1]
        metric = METRICS[last.dataset.kind]
        return last.summary[metric.columns["F1"]] * metric.scale


def _pass(tool: Tool, dataset: Dataset) -> tuple[ToolRun, dict[str, float]]:
    clock = tool.clock
    assert clock is not None, "--speed needs tools loaded with timed=True"
    clock.seconds.clear()
    gc.collect()  # the previous tool's garbage is not collected on this one's time
    return run_tool(tool, dataset), dict(clock.seconds)


def run_speed(
    tools: Sequence[Tool], floors: Sequence[Tool], dataset: Dataset, repeats: int
) -> list[SpeedRun]:
    """`repeats` timed passes of every tool over `dataset`, after one warm-up pass each."""
    runs = [SpeedRun(t, False) for t in tools] + [SpeedRun(t, True) for t in floors]
    for repeat in range(repeats + 1):
        label = "warm-up" if repeat == 0 else f"repeat {repeat}/{repeats}"
        print(f"[{dataset.name}] speed: {label} ...", file=sys.stderr, flush=True)
        shift = repeat % len(runs)
        for run in runs[shift:] + runs[:shift]:
            result, stages = _pass(run.tool, dataset)
            if repeat:
                run.passes.append(result)
                run.stages.append(stages)
    return runs
