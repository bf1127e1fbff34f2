"""The wceb-dev datasets in `python -m declutter.bench`, and the document score's agreement
with per-page F1 that the benchmark prints."""

from __future__ import annotations

import math

import pytest

from declutter.bench import Prediction, Tool, load_dataset, run_tool
from declutter.bench._data import COMMENTS_MARKER, WCEB_DATASETS, sample_pages, wceb_dir
from declutter.bench._metrics import score_agreement

_HAVE_WCEB = all((wceb_dir() / name / "gold.jsonl").is_file() for name in WCEB_DATASETS)
needs_wceb = pytest.mark.skipif(not _HAVE_WCEB, reason="../shared/bench/wceb-dev is absent")


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


@needs_wceb
def test_dragnet_gold_is_split_at_the_comments_marker() -> None:
    pages = load_dataset("dragnet").pages
    with_comments = [p for p in pages if p.gold["comments"] is not None]
    assert len(pages) == 1379 and len(with_comments) == 421
    assert not any("COMMENTS" in p.gold["text"][-200:] for p in with_comments)
    assert all(COMMENTS_MARKER.search(p.gold["text"]) is None for p in pages)


@needs_wceb
def test_a_seeded_sample_is_stable_and_sorted() -> None:
    dataset = load_dataset("cleaneval")
    first, again = sample_pages(dataset, 5, "7"), sample_pages(dataset, 5, "7")
    ids = [p.id for p in first.pages]
    assert ids == [p.id for p in again.pages] == sorted(ids) and len(ids) == 5
    assert ids != [p.id for p in sample_pages(dataset, 5, "8").pages]


@needs_wceb
def test_rouge_lsum_scores_the_gold_itself_as_perfect_and_comments_apart() -> None:
    dataset = load_dataset("dragnet")
    page = next(p for p in dataset.pages if p.gold["comments"] is not None)
    gold = page.gold

    def echo(html: bytes, url: str | None) -> Prediction:
        return Prediction(gold["text"], comments=gold["comments"])

    one = type(dataset)(dataset.name, dataset.kind, (page,))
    run = run_tool(Tool("echo", None, echo, frozenset()), one)
    assert run.summary["f1"] == pytest.approx(1.0)
    assert run.summary["comments_n"] == 1 and run.summary["comments_f1"] == pytest.approx(1.0)


def test_wceb_sets_are_skipped_with_a_note_when_the_scorer_cannot_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    from declutter.bench import _cli

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n, *a: None if n == "nltk" else real(n, *a))
    assert _cli.main(["--dataset", "cleaneval", "--tools", "declutter"]) == 0
    assert "cleaneval: skipped, its scorer needs nltk" in capsys.readouterr().err
