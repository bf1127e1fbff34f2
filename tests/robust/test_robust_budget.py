"""Every stage keeps to one deadline, and no stage does super-linear work on hostile pages.

Cost growth is a ratio of two runs (at 4x and 1x the size), never a timing; the deadline is
tested with a budget already spent (every stage must notice and say the result is cut).
The issue-size pages (1,000,000 ``<i>a</i>``, a 40,000-character word, 300,000 meta pairs)
run under the ``slow`` marker.
"""

from __future__ import annotations

import pytest

import declutter
from declutter import Options
from declutter._headline import keys_of
from robust_hostile import FAMILIES, PARAGRAPH, article, cost_ratio

_LINEAR = 8.0
"""Cost ratio at 4x over 1x below which growth counts as linear (linear 4, quadratic 16)."""
_BUDGET_FAMILIES = ["many_italics", "long_last_word", "many_meta_pairs"]
_LINEAR_FAMILIES = [*_BUDGET_FAMILIES, "huge_title"]
_UNLIMITED = Options(time_budget=None)


@pytest.mark.parametrize("name", _LINEAR_FAMILIES)
def test_cost_grows_linearly(name: str) -> None:
    family = FAMILIES[name]
    pages = {k: family(0.05 * k) for k in (1, 4)}
    ratio = cost_ratio(lambda k: declutter.extract(pages[k], options=_UNLIMITED), 1)
    assert ratio < _LINEAR


@pytest.mark.parametrize("name", _BUDGET_FAMILIES)
def test_a_spent_budget_cuts_the_result(name: str) -> None:
    assert declutter.extract(FAMILIES[name](0.1), options=Options(time_budget=0.0)).truncated


def test_a_spent_budget_cuts_an_ordinary_page() -> None:
    page = article("".join(f"<p>{PARAGRAPH}</p>" for _ in range(20)))
    assert declutter.extract(page).truncated is False
    assert declutter.extract(page, options=Options(time_budget=0.0)).truncated


def test_a_long_word_leaves_the_article_whole() -> None:
    article_ = declutter.extract(FAMILIES["long_last_word"](1))
    assert article_.body.count(PARAGRAPH) == 5 and not article_.truncated


def test_meta_values_are_read_up_to_the_cap() -> None:
    page = FAMILIES["many_meta_pairs"](0.5)
    few = declutter.extract(page, options=Options(meta_max_elements=4))
    assert few.authors == ("Jane Doe 0",) or set(few.tags) <= {"tag 0", "tag 1"}
    assert len(declutter.extract(page).tags) == Options().max_keywords


@pytest.mark.slow
@pytest.mark.parametrize("name", _BUDGET_FAMILIES)
def test_issue_size_pages_in_a_small_budget(name: str) -> None:
    result = declutter.extract(FAMILIES[name](16), options=Options(time_budget=0.5))
    assert isinstance(result.body, str)


def test_a_huge_title_costs_each_block_nothing_more() -> None:
    """Matching a block against the title keys costs the same for a 4x longer title: sizes
    rule out a short block before any substring search of the huge title."""
    keys = {k: keys_of(["Budget news " * (20_000 * k)], options=Options()) for k in (1, 4)}
    blocks = [f"Budget news {i}" for i in range(2_000)]
    assert keys[1].match("Budget news " * 20_000) > 0  # the whole title still matches
    ratio = cost_ratio(lambda k: [keys[k].match(b) for b in blocks], 1)
    assert ratio < 2.0
