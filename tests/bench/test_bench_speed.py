"""`python -m declutter.bench --speed` end to end on a few pages (no timing is asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from declutter.bench import main

_DECLUTTER_STAGES = (
    "decode", "parse", "head", "prune", "segment", "score", "select", "dedup", "metadata",
    "comments", "serialise",
)  # fmt: skip


def _rows(printed: str, title: str) -> dict[str, list[str]]:
    """The table under the line starting with `title`, as first cell -> the other cells."""
    lines = printed.split(title, 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    return {cells[0]: cells[1:] for cells in (line.split() for line in lines)}


def test_speed_prints_pages_per_second_stages_and_f1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "speed.json"
    argv = ["--speed", "--limit", "2", "--repeats", "1", "--tools", "declutter"]
    assert main([*argv, "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "== scrapinghub speed: 2 pages, 1 timed passes per tool ==" in printed
    speed = _rows(printed, "== scrapinghub speed")
    assert speed["tool"] == ["version", "F1", "pages/s", "min", "max", "ms/page", "errors"]
    assert float(speed["declutter"][1]) > 50 and float(speed["declutter"][2]) > 0
    assert speed["lexbor-parse"][1] == "-"  # a floor extracts nothing: no F1
    stages = _rows(printed, "== scrapinghub: ms/page per stage")
    assert tuple(stages["tool"]) == _DECLUTTER_STAGES  # no other tool: no "extract" column
    assert all(float(ms) >= 0 for ms in stages["declutter"])
    assert stages["lexbor-parse"][1] != "-" and stages["lexbor-parse"][0] == "-"
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["mode"] == "speed"
    declutter = record["datasets"]["scrapinghub"]["tools"]["declutter"]
    assert len(declutter["pages_per_s"]) == 1 and set(declutter["stage_seconds"][0]) == set(
        _DECLUTTER_STAGES
    )


def test_speed_splits_reference_tools_into_parse_and_extract(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("resiliparse")
    argv = ["--speed", "--dataset", "zh", "--limit", "2", "--repeats", "2"]
    assert main([*argv, "--tools", "declutter,resiliparse"]) == 0
    printed = capsys.readouterr().out
    table = _rows(printed, "== zh: ms/page per stage")
    stages = dict(zip(table["tool"], table["resiliparse"]))
    assert list(stages) == [*_DECLUTTER_STAGES, "extract"]
    assert {stages["decode"], stages["segment"], stages["metadata"]} == {"-"}
    assert float(stages["parse"]) > 0 and float(stages["extract"]) > 0
    assert "resiliparse" in _rows(printed, "== zh speed")
    assert "declutter/resiliparse pages/s: " in printed


def test_repeats_below_one_are_refused() -> None:
    with pytest.raises(SystemExit, match="--repeats"):
        main(["--speed", "--repeats", "0"])
