"""`python -m declutter.bench` end to end on a few pages, and its error analysis."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from declutter.bench import Prediction, Tool, load_dataset, main, run_tool
from declutter.bench._report import format_table, format_worst


def test_main_prints_tables_worst_pages_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bench.json"
    argv = ["--dataset", "zh", "--dataset", "scrapinghub", "--limit", "3", "--tools", "declutter"]
    assert main([*argv, "--worst", "2", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "== zh: 3 pages" in printed and "== scrapinghub: 3 pages" in printed
    assert "2 worst pages for declutter" in printed
    result = json.loads(out.read_text(encoding="utf-8"))
    pages = result["datasets"]["zh"]["tools"]["declutter"]["pages"]
    assert len(pages) == 3 and all(p["output_body"] for p in pages)


def test_unknown_tool_is_refused() -> None:
    with pytest.raises(SystemExit, match="unknown nosuchtool"):
        main(["--tools", "declutter,nosuchtool"])


def _constant_tool(body: str) -> Tool:
    return Tool("constant", None, lambda html, url: Prediction(body), frozenset())


def test_worst_pages_show_missed_and_leaked_segments() -> None:
    dataset = load_dataset("trafilatura-dev")
    first = dataset.pages[0]
    leak = first.gold["without"][0]
    run = run_tool(
        _constant_tool(f"intro\n{leak}"), type(dataset)(dataset.name, dataset.kind, (first,))
    )
    report = format_worst(run, 1)
    assert f"- {first.gold['with'][0].strip()[:40]}" in report
    assert f"+ {leak.strip()[:40]}" in report


def test_worst_pages_show_missed_and_extra_paragraphs() -> None:
    dataset = load_dataset("scrapinghub")
    page = dataset.pages[0]
    paragraphs = [p for p in page.gold["articleBody"].split("\n") if len(p.split()) > 8]
    body = f"{paragraphs[0]}\nSign up for our newsletter and get the best deals every single week"
    run = run_tool(_constant_tool(body), type(dataset)(dataset.name, dataset.kind, (page,)))
    report = format_worst(run, 1)
    assert f"- {paragraphs[1][:40]}" in report
    assert "+ Sign up for our newsletter" in report
    assert f"- {paragraphs[0][:40]}" not in report


def test_table_marks_fields_a_tool_does_not_extract() -> None:
    dataset = load_dataset("zh")
    dataset = type(dataset)(dataset.name, dataset.kind, dataset.pages[:2])
    table = format_table([run_tool(_constant_tool("正文"), dataset)], "0" * 64)
    row = table.splitlines()[-1].split()
    assert row[0] == "constant" and row[6:9] == ["-", "-", "-"]


def test_short_paragraphs_found_verbatim_are_not_reported() -> None:
    dataset = load_dataset("scrapinghub")
    page = dataset.pages[0]
    first = page.gold["articleBody"].split("\n")[0]
    gold = {**page.gold, "articleBody": f"Meal 1\n{first}"}
    one = type(dataset)(
        dataset.name, dataset.kind, (type(page)(page.id, page.url, page.html, gold),)
    )
    report = format_worst(run_tool(_constant_tool(f"Meal 1\n{first}\nMeal 2"), one), 1)
    assert "Meal 1" not in report and "+ Meal 2" in report
