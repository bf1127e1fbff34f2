"""Decisions are typed values with one sentence of meaning, and the explain views show it."""

from __future__ import annotations

import re

import pytest

import declutter
from _pages import REPO, fixture_page
from declutter import PruneKind, Reason
from declutter._render import explain_html, explain_table

_ONE_SENTENCE = re.compile(r"[A-Z][^.!?]*(?:\.\.\.[^.!?]*)*[.]")


@pytest.mark.parametrize("value", [*Reason, *PruneKind])
def test_every_decision_means_one_sentence(value: Reason | PruneKind) -> None:
    assert _ONE_SENTENCE.fullmatch(value.meaning), value.meaning


def test_real_pages_carry_only_declared_decisions() -> None:
    html = fixture_page("amz123-xiaohongshu").html
    blocks = declutter.extract(html).blocks
    assert all(isinstance(b.reason, Reason) for b in blocks)
    pruned = [b for b in blocks if b.reason is Reason.PRUNED]
    assert pruned and all(PruneKind(b.pruned_by.partition(":")[0]) for b in pruned)
    # a pruned block says what pruned it, even where a later decision names another reason
    assert all(bool(b.pruned_by) == (b.kind == "pruned") for b in blocks)


def test_explain_views_give_the_meaning_of_each_reason_they_show() -> None:
    html = fixture_page("amz123-xiaohongshu").html
    article = declutter.extract(html)
    table, report = explain_table(article), explain_html(article)
    shown = {b.reason for b in article.blocks}
    for reason in shown:
        assert f"{reason:24} {reason.meaning}" in table
        assert reason.meaning.replace("'", "&#x27;") in report
    assert "pruned:chrome:footer" in table  # a pruned block says what pruned it


def test_the_format_docs_list_every_decision_with_its_meaning() -> None:
    """Regenerate the tables with `python docs/make_reasons_table.py` after adding a reason."""
    docs = (REPO / "docs" / "formats.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| ([A-Z][^|]*\.) \|$", docs, re.MULTILINE))
    assert {value: rows.get(str(value)) for value in [*Reason, *PruneKind]} == {
        value: value.meaning for value in [*Reason, *PruneKind]
    }
