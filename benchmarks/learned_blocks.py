"""Would a learned block classifier beat the hand rules? (issue: "a design choice to weigh")

Labels every block of every dev page by the gold (a block whose text the gold holds is
article text; trafilatura-dev labels only the blocks its must-contain / must-not-contain
snippets fall in), fits a small logistic model on the features `segment` and `score`
already compute plus the hand region and the neighbours' scores, and compares it with the
hand rules' decisions, one dataset held out at a time (trained on the others). Reports
the character-weighted precision, recall and F1 of article text for both. Needs numpy and
``../shared/bench``::

    python benchmarks/learned_blocks.py [--datasets scrapinghub,trafilatura-dev,zh,cleaneval,dragnet]
"""

from __future__ import annotations

import argparse
import math
import re
from collections.abc import Iterator

import numpy as np

import declutter
from declutter.bench._data import load_dataset

_WS = re.compile(r"\s+")
_KINDS = ("paragraph", "heading", "list-item", "quote", "code", "cell", "caption")
_PROBE = 30  # characters of a block's start and end looked up in the gold


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip().lower()


def _gold_text(gold: object) -> str | None:
    if isinstance(gold, dict):
        for key in ("text", "articleBody", "body"):
            if isinstance(gold.get(key), str):
                return _norm(gold[key])
    return None


def _label(text: str, gold: str | None, snippets: tuple[list[str], list[str]]) -> float | None:
    if gold is not None:
        return float(text[:_PROBE] in gold and text[-_PROBE:] in gold)
    wanted, unwanted = snippets
    if any(s in text for s in wanted):
        return 1.0
    if any(s in text for s in unwanted):
        return 0.0
    return None


def _features(blocks: list[declutter.Block], i: int) -> list[float]:
    b = blocks[i]
    prev_score = blocks[i - 1].score if i > 0 else 0.0
    next_score = blocks[i + 1].score if i + 1 < len(blocks) else 0.0
    in_region = float(b.reason != "outside-article")
    return [
        1.0,
        math.log1p(b.length),
        b.link_length / b.length if b.length else 0.0,
        b.punctuation / b.length if b.length else 0.0,
        math.log1p(b.element_count),
        b.position,
        math.tanh(b.score),
        math.tanh(prev_score),
        math.tanh(next_score),
        min(b.depth, 30) / 30,
        in_region,
        float(b.heading_level == 1),
        *(float(b.kind == k) for k in _KINDS),
    ]


def _examples(name: str) -> Iterator[tuple[list[float], float, float, int]]:
    """(features, label, hand decision, weight) for each labelled, unpruned block."""
    for page in load_dataset(name).pages:
        gold = _gold_text(page.gold)
        g = page.gold if isinstance(page.gold, dict) else {}
        snippets = (
            [_norm(s) for s in g.get("with") or []],
            [_norm(s) for s in g.get("without") or []],
        )
        blocks = list(declutter.extract(page.html, url=page.url).blocks)
        for i, b in enumerate(blocks):
            text = _norm(b.text)
            if b.kind == "pruned" or len(text) < 15:
                continue
            label = _label(text, gold, snippets)
            if label is not None:
                yield _features(blocks, i), label, float(b.kept), len(text)


def _fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, steps: int = 400) -> np.ndarray:
    """Weighted logistic regression by Newton's method, a little ridge for stability."""
    beta = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ beta))
        grad = x.T @ (w * (y - p)) - 1e-3 * beta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + 1e-3 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        beta += step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def _prf(pred: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[float, float, float]:
    tp = float((w * pred * y).sum())
    p = tp / max(float((w * pred).sum()), 1.0)
    r = tp / max(float((w * y).sum()), 1.0)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def _triple(values: tuple[float, float, float]) -> str:
    return "/".join(f"{100 * v:.1f}" for v in values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--datasets", default="scrapinghub,trafilatura-dev,zh,cleaneval,dragnet")
    names = parser.parse_args().datasets.split(",")
    data = {}
    for name in names:
        rows = list(_examples(name))
        data[name] = tuple(np.array(col, dtype=float) for col in zip(*rows))
    print(f"{'held out':16} {'blocks':>7} {'hand P/R/F1':>20} {'learned P/R/F1':>20}")
    for name in names:
        train = [data[n] for n in names if n != name]
        x, y, _, w = (np.concatenate([t[k] for t in train]) for k in range(4))
        # Each training set weighs alike: the largest would otherwise set the model alone.
        per_set = np.concatenate([np.full(len(t[1]), 1 / t[3].sum()) for t in train])
        beta = _fit(x, y, np.sqrt(w) * per_set * len(y))
        tx, ty, hand, tw = data[name]
        learned = (tx @ beta > 0).astype(float)
        print(
            f"{name:16} {len(ty):7d} {_triple(_prf(hand, ty, tw)):>20} {_triple(_prf(learned, ty, tw)):>20}"
        )


if __name__ == "__main__":
    main()
