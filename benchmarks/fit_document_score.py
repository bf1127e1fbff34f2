#!/usr/bin/env python3
"""Fit the document score's weights (``Options.document_*_weight`` and ``document_bias``).

    python -m declutter.bench --tools declutter --json /tmp/bench.json   # per-page F1
    python benchmarks/fit_document_score.py /tmp/bench.json [--features /tmp/doubts.json]

The score is a logistic model of "this page's body F1 is at least 0.5" over the doubts of
`declutter._document` (each 0 to 1), with weights that are not negative (a doubt can only
lower the score), the good and the failed pages weighed alike, and a light ridge penalty. The pages of every dataset in the bench JSON are split in two by a hash of
their id; the weights are fitted on one half (every dataset's) and checked on the other, per
dataset and on their union, and again leaving each whole dataset out of the fit. The last
lines are the calibration table of ``docs/document-score.md`` (on the held-out half) and
the fitted numbers, as `Options` fields.

The doubts do not depend on the weights, so `--features` keeps them between runs.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import declutter
from declutter._document import DOUBTS, scaled_probability
from declutter._model import ScorePart
from declutter.bench import load_dataset
from declutter.bench._metrics import METRICS, score_agreement

_BAD = 0.5
_RIDGE = 0.003
"""L2 penalty on the weights (not the bias), per page: keeps rare doubts from running off."""
_NEWTON_STEPS = 40
_BANDS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)
_OPTION = {
    "short": "document_short_weight", "few-paragraphs": "document_few_paragraphs_weight",
    "no-punctuation": "document_no_punctuation_weight", "links": "document_links_weight",
    "span-links": "document_span_links_weight", "teasers": "document_teaser_weight",
    "runner-up": "document_runner_up_weight", "outside-best": "document_outside_best_weight",
    "page-share": "document_page_share_weight", "short-blocks": "document_short_blocks_weight",
    "fallback": "document_fallback_weight", "comment-region": "document_comment_region_weight",
    "datelines": "document_datelines_weight",
}  # fmt: skip

Row = dict[str, Any]


def _page_f1s(bench_json: Path) -> dict[str, dict[str, float]]:
    """dataset -> page id -> declutter's body F1, from a bench ``--json`` file."""
    data = json.loads(bench_json.read_text(encoding="utf-8"))["datasets"]
    return {
        name: {p["id"]: p["page_f1"] for p in record["tools"]["declutter"]["pages"]}
        for name, record in data.items()
        if "declutter" in record["tools"]
    }


def _doubt_rows(f1s: dict[str, dict[str, float]]) -> list[Row]:
    rows = []
    for name, pages in f1s.items():
        dataset = load_dataset(name)
        if "F1" not in METRICS[dataset.kind].columns:
            continue  # no body gold (the dates set): its page figure is not a body's F1
        print(f"[{name}] doubts of {len(pages)} pages ...", file=sys.stderr, flush=True)
        for page in dataset.pages:
            if page.id in pages:
                article = declutter.extract(page.html, url=page.url)
                doubts = {p.name: p.value for p in article.score_parts}
                rows.append(
                    {"dataset": name, "id": page.id, "f1": pages[page.id], "doubts": doubts}
                )
    return rows


def _vector(row: Row, names: Sequence[str]) -> list[float]:
    # a page with nothing kept has no doubts: it scores 0 whatever the weights
    return [row["doubts"].get(n, 1.0) for n in names]


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the systems are 12 x 12 at most)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col and m[col][col]:
                f = m[r][col] / m[col][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col])]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def _newton(xs: list[list[float]], ys: list[float], free: list[int]) -> list[float]:
    """Logistic regression of `ys` on the columns `free` of `xs` (plus an intercept), ridge
    on the weights, the two classes weighed alike (failed pages are rare in the dev sets,
    not in a crawl); returns [intercept, coefficient per free column]."""
    k = len(free) + 1
    beta = [0.0] * k
    n = len(xs)
    good = sum(ys)
    balance = {1.0: n / (2 * good), 0.0: n / (2 * (n - good))}
    for _ in range(_NEWTON_STEPS):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y in zip(xs, ys):
            z = [1.0] + [x[j] for j in free]
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, sum(b * v for b, v in zip(beta, z))))))
            c = balance[y]
            w = c * p * (1 - p)
            for i in range(k):
                grad[i] += c * (y - p) * z[i]
                for j in range(i, k):
                    hess[i][j] += w * z[i] * z[j]
        for i in range(1, k):
            grad[i] -= _RIDGE * n * beta[i]
            hess[i][i] += _RIDGE * n
        for i in range(k):
            for j in range(i):
                hess[i][j] = hess[j][i]
        step = _solve(hess, grad)
        beta = [b + s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return beta


def fit(rows: Sequence[Row]) -> tuple[float, dict[str, float]]:
    """(bias, weight per doubt) with every weight >= 0: a doubt whose fitted effect would
    raise the score is left out (weight 0) and the rest refitted."""
    names = list(DOUBTS)
    xs = [_vector(r, names) for r in rows]
    ys = [1.0 if r["f1"] >= _BAD else 0.0 for r in rows]
    free = list(range(len(names)))
    while True:
        beta = _newton(xs, ys, free)
        # the model's logit is bias - sum(weight * doubt): a weight is minus a coefficient
        wrong = [j for j, b in zip(free, beta[1:]) if b > 0]
        if not wrong:
            break
        free = [j for j in free if j != max(wrong, key=lambda j: beta[1 + free.index(j)])]
    weights = dict.fromkeys(names, 0.0)
    for j, b in zip(free, beta[1:]):
        weights[names[j]] = -b
    return beta[0], weights


def _score(row: Row, bias: float, weights: dict[str, float]) -> float:
    if not row["doubts"]:
        return 0.0
    return scaled_probability(
        bias, tuple(ScorePart(n, v, weights[n]) for n, v in row["doubts"].items())
    )


def _agreement(rows: Sequence[Row], bias: float, weights: dict[str, float]) -> str:
    a = score_agreement([_score(r, bias, weights) for r in rows], [r["f1"] for r in rows])
    return f"{a.pages:5d} pages {a.bad:4d} bad  AUC {a.auc:.3f}  Spearman {a.spearman:.3f}"


def _held_out(row: Row) -> bool:
    return hashlib.sha256(row["id"].encode("utf-8")).digest()[0] % 2 == 1


def _calibration(rows: Sequence[Row], bias: float, weights: dict[str, float]) -> list[str]:
    lines = ["| score | pages | share with F1 < 0.5 |", "| --- | --- | --- |"]
    scored = [(_score(r, bias, weights), r["f1"]) for r in rows]
    for low, high in itertools.pairwise(_BANDS):
        band = [f for s, f in scored if low <= s < high]
        share = sum(f < _BAD for f in band) / len(band) if band else float("nan")
        lines.append(f"| {low:.2f} to {min(high, 1.0):.2f} | {len(band)} | {100 * share:.0f}% |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("bench_json", type=Path, help="python -m declutter.bench --json output")
    parser.add_argument("--features", type=Path, help="cache of the pages' doubts (JSON)")
    args = parser.parse_args(argv)
    if args.features and args.features.is_file():
        rows = json.loads(args.features.read_text(encoding="utf-8"))
    else:
        rows = _doubt_rows(_page_f1s(args.bench_json))
        if args.features:
            args.features.write_text(json.dumps(rows), encoding="utf-8")
    train = [r for r in rows if not _held_out(r)]
    test = [r for r in rows if _held_out(r)]
    bias, weights = fit(train)
    datasets = sorted({r["dataset"] for r in rows})
    print("== fitted on half of every dataset, checked on the other half ==")
    for name in datasets:
        print(f"{name:16} {_agreement([r for r in test if r['dataset'] == name], bias, weights)}")
    print(f"{'union':16} {_agreement(test, bias, weights)}")
    print("== the fitted weights on every page (training half included) ==")
    for name in datasets:
        print(f"{name:16} {_agreement([r for r in rows if r['dataset'] == name], bias, weights)}")
    print(f"{'union':16} {_agreement(rows, bias, weights)}")
    print("== each dataset left out of the fit (all its pages checked) ==")
    for name in datasets:
        b, w = fit([r for r in rows if r["dataset"] != name])
        print(f"{name:16} {_agreement([r for r in rows if r['dataset'] == name], b, w)}")
    print("== calibration on the held-out half ==")
    print("\n".join(_calibration(test, bias, weights)))
    print("== Options ==")
    print(f"document_bias={bias:.2f}")
    for name, option in _OPTION.items():
        print(f"{option}={weights[name]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
