"""The benchmark's metrics give the reference scorers' numbers (benchmarks/reference/).

Predictions: real declutter output on a few pages of each dataset, plus edge cases (no
output, empty output, exact output, a short fragment, an empty truth).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

import pytest

import declutter
from _helpers import load_program
from _pages import REPO
from declutter.bench import BenchPage, Dataset, Prediction, Tool, load_dataset, run_tool

_REFERENCE = REPO / "benchmarks" / "reference"
_PAGES = 10


def _load_reference(name: str) -> ModuleType:
    return load_program(_REFERENCE / f"{name}.py", f"reference_{name}")


score_ref = _load_reference("score")
score_zh_ref = _load_reference("score_zh")


def _declutter(page: BenchPage) -> Prediction:
    doc = declutter.extract(page.html, url=page.url)
    return Prediction(doc.body, doc.title, doc.author, doc.date)


def _variants(page: BenchPage, index: int, truth: str) -> Prediction:
    """A different kind of prediction for each page, cycling through the edge cases."""
    real = _declutter(page)
    return [
        real,
        Prediction(None),
        Prediction(""),
        Prediction(truth, real.title),
        Prediction(truth[: len(truth) // 3] + "\nSubscribe to our newsletter now"),
        Prediction("Two words"),
    ][index % 6]


def _canned_run(dataset: Dataset, predictions: Sequence[Prediction]) -> Any:
    """Run the benchmark's own path with a tool that returns the given predictions."""
    by_html = {page.html: pred for page, pred in zip(dataset.pages, predictions)}

    def extract(html: bytes, url: str | None) -> Prediction:
        return by_html.get(html, Prediction())

    return run_tool(Tool("canned", None, extract, frozenset()), dataset)


def _with_empty_truth(dataset: Dataset, key: str) -> Dataset:
    empty = BenchPage("empty-truth", None, b"<html><body><p>nothing</p></body></html>", {key: ""})
    return Dataset(dataset.name, dataset.kind, dataset.pages[:_PAGES] + (empty,))


def _truth_getter(key: str) -> Callable[[BenchPage], str]:
    return lambda page: str(page.gold.get(key) or "")


@pytest.fixture(scope="module")
def scrapinghub() -> tuple[Dataset, list[Prediction]]:
    dataset = _with_empty_truth(load_dataset("scrapinghub"), "articleBody")
    truth = _truth_getter("articleBody")
    return dataset, [_variants(p, i, truth(p)) for i, p in enumerate(dataset.pages)]


def test_scrapinghub_pages_and_summary_agree(scrapinghub: tuple[Dataset, list[Prediction]]) -> None:
    dataset, predictions = scrapinghub
    run = _canned_run(dataset, predictions)
    reference = [
        score_ref.score_scrapinghub(p.gold.get("articleBody", ""), pred.body)
        for p, pred in zip(dataset.pages, predictions)
    ]
    assert [r.score for r in run.pages] == reference
    assert run.summary == score_ref.scrapinghub_metrics(reference)


def test_scrapinghub_all_empty_outputs_agree(scrapinghub: tuple[Dataset, list[Prediction]]) -> None:
    dataset, _ = scrapinghub
    run = _canned_run(dataset, [Prediction(None)] * len(dataset.pages))
    reference = [
        score_ref.score_scrapinghub(p.gold.get("articleBody", ""), None) for p in dataset.pages
    ]
    assert run.summary == score_ref.scrapinghub_metrics(reference)


def test_trafilatura_pages_and_summary_agree() -> None:
    dataset = load_dataset("trafilatura-dev")
    dataset = Dataset(dataset.name, dataset.kind, dataset.pages[:_PAGES])
    predictions = [_variants(p, i, "\n".join(p.gold["with"])) for i, p in enumerate(dataset.pages)]
    run = _canned_run(dataset, predictions)
    reference = [
        score_ref.score_trafilatura(p.gold, pred.body)
        for p, pred in zip(dataset.pages, predictions)
    ]
    assert [{"counts": r.score["counts"]} for r in run.pages] == reference
    expected = score_ref.trafilatura_metrics(reference)
    assert {k: run.summary[k] for k in expected} == expected


def _zh_prediction(page: BenchPage, index: int) -> Prediction:
    """Body variants as above, and metadata spelled the ways the zh scorer normalises."""
    body = _variants(page, index, str(page.gold["body"])).body
    gold = page.gold
    variants = [
        Prediction(
            body,
            f" {gold['title']}\u3000",
            str(gold["author"] or "").replace(" ", "、"),
            gold["date"],
        ),
        Prediction(body, None, None, None),
        Prediction(body, "wrong title", "someone else", "2001-01-01"),
        Prediction(body, gold["title"], gold["author"], str(gold["date"] or "").replace("-", "/")),
    ]
    return variants[index % len(variants)]


def test_zh_pages_and_summary_agree() -> None:
    dataset = _with_empty_truth(load_dataset("zh"), "body")
    predictions = [
        _zh_prediction(p, i) if p.id != "empty-truth" else Prediction("")
        for i, p in enumerate(dataset.pages)
    ]
    run = _canned_run(dataset, predictions)
    canned = {p.html: pred for p, pred in zip(dataset.pages, predictions)}

    def extract(html: bytes, url: str | None) -> dict[str, str | None]:
        pred = canned[html]
        return {"title": pred.title, "author": pred.author, "date": pred.date, "body": pred.body}

    items = [(p.id, p.html, dict(p.gold)) for p in dataset.pages]
    ref_summary, ref_pages = score_zh_ref.score(items, extract)
    assert [r.score for r in run.pages] == [
        {k: rec[k] for k in r.score} for r, rec in zip(run.pages, ref_pages)
    ]
    assert run.summary == {k: ref_summary[k] for k in run.summary}
