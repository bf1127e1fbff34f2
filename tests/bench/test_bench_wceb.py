"""The wceb-dev datasets in `python -m declutter.bench`, and the document score's agreement
with per-page F1 that the benchmark prints."""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from _helpers import load_program
from _pages import REPO
from declutter.bench import Prediction, Tool, load_dataset, run_tool
from declutter.bench._data import sample_pages
from declutter.bench._metrics import score_agreement

_CHECK = REPO / "benchmarks" / "wceb_check.py"


def test_a_score_that_ranks_pages_as_their_f1_agrees_fully() -> None:
    f1s = [0.1, 0.3, 0.6, 0.8, 0.95]
    agreement = score_agreement([0.2, 0.25, 0.5, 0.7, 0.9], f1s)
    assert agreement.auc == 1.0 and agreement.bad == 2
    assert agreement.spearman == pytest.approx(1.0)
    reversed_ = score_agreement([0.9, 0.7, 0.5, 0.25, 0.2], f1s)
    assert reversed_.auc == 0.0 and reversed_.spearman == pytest.approx(-1.0)


def test_tied_scores_count_half_and_one_group_gives_no_auc() -> None:
    assert score_agreement([0.5, 0.5, 0.5, 0.5], [0.1, 0.9, 0.2, 0.8]).auc == 0.5
    none_bad = score_agreement([0.1, 0.9], [0.7, 0.8])
    assert math.isnan(none_bad.auc) and none_bad.spearman == pytest.approx(1.0)


# A wceb-dev tree of the real layout (gold.jsonl, html/ID.html.gz, rouge_lsum.py) with pages
# and a scorer of our own, so that a fresh clone tests the loading, the comments split, the
# sampling and the scoring plumbing; benchmarks/wceb_check.py checks the real sets (in
# ../shared, out of the repository and of this suite) with the same code.
_STAND_IN_SCORER = """
def rouge_lsum(gold, pred):
    g, p = gold.split(), pred.split()
    common = len(set(g) & set(p))
    precision, recall = common / max(len(set(p)), 1), common / max(len(set(g)), 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)
"""


def _page(i: int) -> str:
    return f"<html><body><article><p>Story {i} tells of the river town and its mill.</p></article></body></html>"


@pytest.fixture
def stand_in_wceb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    from declutter.bench import _data, _metrics

    root = tmp_path / "bench"
    for name, count in (("cleaneval", 12), ("dragnet", 3)):
        folder = root / "wceb-dev" / name
        (folder / "html").mkdir(parents=True)
        records = []
        for i in range(count):
            text = f"Story {i} tells of the river town and its mill."
            if name == "dragnet" and i:  # a marker typed with a symbol doubled, then comments
                text += f"\n!@#$%%^&*()  COMMENTS\nReader {i}: lovely mill."
            records.append(json.dumps({"id": f"{name}-{i:02}", "url": None, "text": text}))
            (folder / "html" / f"{name}-{i:02}.html.gz").write_bytes(
                gzip.compress(_page(i).encode())
            )
        (folder / "gold.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (root / "wceb-dev" / "rouge_lsum.py").write_text(_STAND_IN_SCORER, encoding="utf-8")
    monkeypatch.setattr(_data, "_SHARED_TREE", root)
    _metrics._rouge_lsum.cache_clear()  # the scorer is loaded once per process: from this tree
    yield root
    _metrics._rouge_lsum.cache_clear()


def test_dragnet_gold_is_split_at_the_comments_marker(stand_in_wceb: Path) -> None:
    pages = load_dataset("dragnet").pages
    comments = [p.gold["comments"] and p.gold["comments"].strip() for p in pages]
    assert comments == [None, "Reader 1: lovely mill.", "Reader 2: lovely mill."]
    assert [p.gold["text"].rstrip() for p in pages] == [
        f"Story {i} tells of the river town and its mill." for i in range(3)
    ]


def test_a_seeded_sample_is_stable_and_sorted(stand_in_wceb: Path) -> None:
    dataset = load_dataset("cleaneval")
    first, again = sample_pages(dataset, 5, "7"), sample_pages(dataset, 5, "7")
    ids = [p.id for p in first.pages]
    assert ids == [p.id for p in again.pages] == sorted(ids) and len(ids) == 5
    assert ids != [p.id for p in sample_pages(dataset, 5, "8").pages]


def _gold_scores_as_perfect() -> None:
    dataset = load_dataset("dragnet")
    page = next(p for p in dataset.pages if p.gold["comments"] is not None)
    gold = page.gold

    def echo(html: bytes, url: str | None) -> Prediction:
        return Prediction(gold["text"], comments=gold["comments"])

    one = type(dataset)(dataset.name, dataset.kind, (page,))
    run = run_tool(Tool("echo", None, echo, frozenset()), one)
    assert run.summary["f1"] == pytest.approx(1.0)
    assert run.summary["comments_n"] == 1 and run.summary["comments_f1"] == pytest.approx(1.0)
    missing = run_tool(Tool("empty", None, lambda html, url: Prediction(""), frozenset()), one)
    assert missing.summary["f1"] == pytest.approx(0.0)


def test_the_scorer_beside_the_data_scores_the_gold_itself_as_perfect(stand_in_wceb: Path) -> None:
    _gold_scores_as_perfect()


def test_the_check_of_the_real_sets_passes_on_a_sound_tree(
    stand_in_wceb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert load_program(_CHECK, "benchmarks_wceb_check").main([]) == 0
    out = capsys.readouterr().out
    assert "dragnet: 3 pages" in out and "dragnet: 2 pages with comments" in out
    assert "every check passed" in out


def test_the_check_of_the_real_sets_fails_on_a_broken_scorer(
    stand_in_wceb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scorer = stand_in_wceb / "wceb-dev" / "rouge_lsum.py"
    scorer.write_text("def rouge_lsum(gold, pred):\n    return 0.5, 0.5, 0.5\n", encoding="utf-8")
    assert load_program(_CHECK, "benchmarks_wceb_check").main([]) == 1
    assert "FAIL the scorer gives the gold itself 0.500" in capsys.readouterr().out


def test_the_check_of_the_real_sets_says_when_they_are_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from declutter.bench import _data

    monkeypatch.setattr(_data, "_SHARED_TREE", tmp_path)
    assert load_program(_CHECK, "benchmarks_wceb_check").main([]) == 0
    assert "is absent: nothing to check" in capsys.readouterr().err


def test_wceb_sets_are_skipped_with_a_note_when_the_scorer_cannot_run(
    stand_in_wceb: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    from declutter.bench import _cli

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda n, *a: None if n == "nltk" else real(n, *a)
    )
    assert _cli.main(["--dataset", "cleaneval", "--tools", "declutter"]) == 0
    assert "cleaneval: skipped, its scorer needs nltk" in capsys.readouterr().err
