"""benchmarks/learned_blocks.py: the labelling and the fit behind its comparison."""

from __future__ import annotations

import numpy as np

from _helpers import load_program
from _pages import REPO

_PROGRAM = load_program(REPO / "benchmarks" / "learned_blocks.py", "benchmarks_learned_blocks")


def test_blocks_are_labelled_by_the_gold_text_or_the_snippets() -> None:
    gold = _PROGRAM._norm("The council met on Tuesday.\n\nIt voted against the bridge plan again.")
    block = _PROGRAM._norm("It voted against the bridge plan again.")
    assert _PROGRAM._label(block, gold, ([], [])) == 1.0
    assert _PROGRAM._label("share this article on your timeline", gold, ([], [])) == 0.0
    snippets = (["bridge plan"], ["newsletter"])
    assert _PROGRAM._label(block, None, snippets) == 1.0
    assert _PROGRAM._label("sign up for our newsletter", None, snippets) == 0.0
    assert _PROGRAM._label("a line no snippet names", None, snippets) is None


def test_the_fit_recovers_a_logistic_rule() -> None:
    rng = np.random.default_rng(7)
    x = np.column_stack([np.ones(2000), rng.normal(size=2000), rng.normal(size=2000)])
    y = (x[:, 1] - 2 * x[:, 2] + rng.normal(scale=0.3, size=2000) > 0).astype(float)
    beta = _PROGRAM._fit(x, y, np.ones(2000))
    assert beta[1] > 0 > beta[2] and abs(beta[2] / beta[1] + 2) < 0.3
    p, r, f1 = _PROGRAM._prf(((x @ beta) > 0).astype(float), y, np.ones(2000))
    assert min(p, r, f1) > 0.9
