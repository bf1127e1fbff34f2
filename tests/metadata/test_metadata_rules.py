"""trafilatura-dev title/author/date rules (no reference scorer has them; see docs/benchmark.md)."""

from __future__ import annotations

from typing import Any

import pytest

from declutter.bench import METRICS, Prediction

_GOLD: dict[str, Any] = {"with": [], "without": []}


def _checks(gold: dict[str, Any], pred: Prediction) -> dict[str, bool]:
    score = METRICS["trafilatura"].page({**_GOLD, **gold}, pred)
    return {k: v for k, v in score.items() if k.endswith("_ok")}


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (
            {"title": " Bohren,  bis es heiß wird"},
            Prediction(title="Bohren, bis es heiß wird"),
            True,
        ),
        ({"title": "Bohren"}, Prediction(title="Klimaschutz: Bohren"), False),
        ({"author": ""}, Prediction(author=None), True),
        ({"author": ""}, Prediction(author="Site Team"), False),
        ({"author": "Jane Roe, John Doe"}, Prediction(author="John Doe, Jane Roe"), True),
        ({"author": ["Jane Roe", "John Doe"]}, Prediction(author="Jane Roe, John Doe"), True),
        ({"author": ["Jane Roe", "John Doe"]}, Prediction(author="Jane Roe"), False),
        ({"date": ""}, Prediction(date=None), True),
        ({"date": ""}, Prediction(date="2020-01-01"), False),
        ({"date": "2019-10-16"}, Prediction(date="2019-10-16T08:00+02:00"), True),
        ({"date": "2019-10-16"}, Prediction(date="2019-10-17"), False),
    ],
)
def test_field_rule(gold: dict[str, Any], pred: Prediction, expected: bool) -> None:
    assert list(_checks(gold, pred).values()) == [expected]


def test_missing_keys_and_empty_title_are_not_scored() -> None:
    assert _checks({"title": ""}, Prediction(title="Anything")) == {}


def test_summary_counts_only_pages_with_gold() -> None:
    metric = METRICS["trafilatura"]
    pages = [
        metric.page({**_GOLD, "title": "A"}, Prediction(title="A")),
        metric.page({**_GOLD, "title": "B"}, Prediction(title="C")),
        metric.page(_GOLD, Prediction(title="D")),
    ]
    summary = metric.summary(pages)
    assert (summary["title_acc"], summary["title_n"], summary["author_n"]) == (0.5, 2, 0)
