"""`python -m declutter.bench` end to end on a few pages, and its error analysis."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from declutter.bench import Prediction, Tool, load_dataset, main, run_tool
from declutter.bench._report import format_table, format_worst
from declutter.bench._tools import load_tools

_DATE = frozenset({"date"})


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


def test_two_snapshots_are_compared_page_by_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    before.write_text("zh/a 1f\nzh/b 2e\nscrapinghub/c 3d\n", encoding="utf-8")
    after.write_text("zh/a 1f\nzh/b 9a\nzh/new 4c\n", encoding="utf-8")
    assert main(["--compare-snapshots", str(before), str(before)]) == 0
    assert capsys.readouterr().out.split() == ["identical"]
    assert main(["--compare-snapshots", str(before), str(after)]) == 1
    assert capsys.readouterr().out.split() == ["scrapinghub/c", "zh/b", "zh/new"]


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


def test_dates_dataset_absent_is_skipped_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(FileNotFoundError, match="'dates' not found"):
        load_dataset("dates", tmp_path)
    argv = ["--dataset", "dates", "--dataset", "zh", "--limit", "1", "--tools", "declutter"]
    assert main([*argv, "--data", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "dates: skipped" in captured.err and "== zh: 1 pages" in captured.out


def test_dates_dataset_scores_the_publication_day(tmp_path: Path) -> None:
    import gzip

    folder = tmp_path / "dates"
    (folder / "html").mkdir(parents=True)
    html = b"<html><head><meta property='article:published_time' content='2019-10-16T08:00'>"
    (folder / "html" / "a.html.gz").write_bytes(gzip.compress(html + b"</head></html>"))
    gold = {"a.html": {"date": "2019-10-16", "url": "https://example.org/a"}}
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    dataset = load_dataset("dates", tmp_path)
    assert dataset.kind == "dates" and dataset.pages[0].url == "https://example.org/a"
    wrong = run_tool(Tool("t", None, lambda h, u: Prediction(date="2019-10-17"), _DATE), dataset)
    assert wrong.summary["date_acc"] == 0.0
    tools, _ = load_tools(["htmldate", "htmldate-fast"])
    for tool in tools:  # the reference tools give the page's day and nothing else
        run = run_tool(tool, dataset)
        assert run.summary["date_acc"] == 1.0 and run.pages[0].prediction.body is None
        row = format_table([run], "0" * 64).splitlines()[-1].split()
        assert row[2:8] == ["-"] * 6 and row[8] == "100.0"


def test_every_tool_but_the_date_finders_is_scored_on_its_body() -> None:
    """A tool that extracts a body has its body columns shown (readability's were hidden)."""
    from declutter.bench._tools import TOOLS

    without_body = {name for name, spec in TOOLS.items() if "body" not in spec.fields}
    assert without_body == {"htmldate", "htmldate-fast"}
