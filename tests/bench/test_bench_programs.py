"""The evaluation programs of benchmarks/ run, on the repository's data, and agree with the
benchmark they build on."""

from __future__ import annotations

from types import ModuleType

import pytest

from _helpers import load_program
from _pages import REPO
from declutter.bench import load_dataset, load_tools, run_tool

_BENCHMARKS = REPO / "benchmarks"


def _program(name: str) -> ModuleType:
    return load_program(_BENCHMARKS / f"{name}.py", f"benchmarks_{name}")


def test_metadata_misses_add_up_to_the_benchmark_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _program("metadata_misses").main(["--dataset", "zh", "--time"]) == 0
    lines = capsys.readouterr().out.splitlines()
    tools, _ = load_tools(["declutter"])
    summary = run_tool(tools[0], load_dataset("zh")).summary
    for field in ("title", "author", "date"):
        missed = sum(1 for line in lines if f" {field}: " in line)
        assert round(100 * (1 - missed / summary["pages"]), 1) == summary[f"{field}_pct"]
