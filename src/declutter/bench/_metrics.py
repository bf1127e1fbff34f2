"""The benchmark's metrics: a typed restatement of the project's reference scorers.

`benchmarks/reference/score.py` (ScrapingHub, trafilatura) and `score_zh.py` (zh) define the
numbers; this module must give identical ones (tests/quality/test_metrics_agree.py runs both). Each
dataset kind has a `Metric`: `page()` scores one prediction into a JSON-able dict with the
reference's keys, `summary()` aggregates those dicts exactly as the reference does.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

__all__ = [
    "METRICS",
    "Metric",
    "Prediction",
    "ScoreAgreement",
    "bigrams",
    "body_prf",
    "score_agreement",
    "norm_author",
    "norm_segment",
    "norm_ws",
    "shingles",
    "to_day",
]

Gold = Mapping[str, Any]
PageResult = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Prediction:
    """What one extractor returned for one page (``None``: the field is not given)."""

    body: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    comments: str | None = None
    """Reader comments, apart from the body (declutter with ``include_comments``)."""
    score: float | None = None
    """The tool's own confidence in the page's extraction (declutter's `Article.score`)."""


# --- ScrapingHub: 4-token shingles, macro P/R, F1 of the means, exact-token accuracy -----------

_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
_SHINGLE_N = 4


def _tokens(text: str | None) -> list[str]:
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = _SHINGLE_N) -> Counter[tuple[str, ...]]:
    """Bag of `n`-token shingles; a text shorter than `n` tokens is one short shingle."""
    tokens = _tokens(text)
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def _shingle_counts(truth: str | None, pred: str | None) -> tuple[float, float, float]:
    true_sh, pred_sh = shingles(truth), shingles(pred)
    tp = fp = fn = 0.0
    for key in set(true_sh) | set(pred_sh):
        t, p = true_sh.get(key, 0), pred_sh.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total > 0 else (tp, fp, fn)


def _sh_precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)


def _sh_recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _mean(values: Sequence[float]) -> float:
    return statistics.mean(values) if values else 0.0


def _scrapinghub_page(gold: Gold, pred: Prediction) -> PageResult:
    truth = gold.get("articleBody", "")
    return {
        "tp_fp_fn": _shingle_counts(truth, pred.body),
        "accuracy": float(_tokens(truth) == _tokens(pred.body)),
    }


def _scrapinghub_summary(pages: Sequence[PageResult]) -> dict[str, float]:
    tfn = [p["tp_fp_fn"] for p in pages]
    # as upstream: pages with empty output are left out of precision, empty truth out of recall
    precision = _mean([_sh_precision(*x) for x in tfn if x[0] + x[1] > 0])
    recall = _mean([_sh_recall(*x) for x in tfn if x[0] + x[2] > 0])
    return {
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "accuracy": statistics.mean(p["accuracy"] for p in pages),
    }


def _scrapinghub_page_f1(page: PageResult) -> float:
    return _f1(_sh_precision(*page["tp_fp_fn"]), _sh_recall(*page["tp_fp_fn"]))


# --- trafilatura: 'with'/'without' segments found by normalised substring, micro P/R/F1 --------

_SPACES = re.compile(r"\s+")


def norm_segment(text: str) -> str:
    """Whitespace runs to one space, ends stripped (trafilatura's eval_common.py)."""
    return _SPACES.sub(" ", text).strip()


def _segment_counts(gold: Gold, body: str | None) -> tuple[int, int, int, int]:
    tp = fp = 0
    if isinstance(body, str):
        text = norm_segment(body)
        tp = sum(1 for w in gold["with"] if norm_segment(w) in text)
        fp = sum(1 for w in gold["without"] if norm_segment(w) in text)
    return tp, fp, len(gold["with"]) - tp, len(gold["without"]) - fp


def _trafilatura_page(gold: Gold, pred: Prediction) -> PageResult:
    page: PageResult = {"counts": _segment_counts(gold, pred.body)}
    page.update(_metadata_checks(gold, pred))
    return page


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _trafilatura_summary(pages: Sequence[PageResult]) -> dict[str, float]:
    tp, fp, fn, tn = (sum(p["counts"][i] for p in pages) for i in range(4))
    summary = {
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "f1": _ratio(2 * tp, 2 * tp + fp + fn),
        "accuracy": _ratio(tp + tn, tp + fp + fn + tn),
    }
    for field in _METADATA_FIELDS:
        checked = [p[f"{field}_ok"] for p in pages if f"{field}_ok" in p]
        summary[f"{field}_acc"] = _ratio(sum(checked), len(checked))
        summary[f"{field}_n"] = len(checked)
    return summary


def _trafilatura_page_f1(page: PageResult) -> float:
    tp, fp, fn, _ = page["counts"]
    return _ratio(2 * tp, 2 * tp + fp + fn) if 2 * tp + fp + fn else 1.0


# --- zh: title/author/date exact after normalisation, body character-bigram F1, macro % --------

_WS = re.compile(r"[\s\u3000\xa0\u200b\ufeff]+")
_AUTHOR_SEP = re.compile(r"[\s,，、;；/&|]+")
_DATE_RES = (
    re.compile(r"((?:19|20)\d\d)\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)"),
    re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?"),
    re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)"),
)
_METADATA_FIELDS = ("title", "author", "date")


def norm_ws(value: object) -> str:
    """Whitespace runs (U+3000, NBSP, zero-width too) to one space, ends stripped."""
    return "" if value is None else _WS.sub(" ", str(value)).strip()


def norm_author(value: object) -> frozenset[str]:
    """The set of names in an author string (split on spaces, commas, 、, ;, /, &, |)."""
    return frozenset(p for p in _AUTHOR_SEP.split(norm_ws(value)) if p)


def to_day(value: object) -> str | None:
    """``YYYY-MM-DD`` of a date, datetime or date string; unparseable strings verbatim."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    for rx in _DATE_RES:
        m = rx.search(text)
        if m:
            try:
                return dt.date(*(int(x) for x in m.groups())).isoformat()
            except ValueError:
                continue
    return text


def bigrams(text: str | None) -> Counter[str]:
    """Bag of character bigrams of the NFKC text with all whitespace removed."""
    t = _WS.sub("", unicodedata.normalize("NFKC", text or ""))
    return Counter(t[i : i + 2] for i in range(len(t) - 1))


def body_prf(pred: str | None, gold: str | None) -> tuple[float, float, float]:
    """Character-bigram precision, recall and F1 of `pred` against `gold`."""
    p_grams, g_grams = bigrams(pred), bigrams(gold)
    if not p_grams and not g_grams:
        return 1.0, 1.0, 1.0
    if not p_grams or not g_grams:
        return 0.0, 0.0, 0.0
    overlap = sum((p_grams & g_grams).values())
    p, r = overlap / sum(p_grams.values()), overlap / sum(g_grams.values())
    return p, r, (0.0 if overlap == 0 else 2 * p * r / (p + r))


def _metadata_checks(gold: Gold, pred: Prediction) -> dict[str, bool]:
    """Title/author/date verdicts for the fields `gold` has; an empty gold title is skipped."""
    checks: dict[str, bool] = {}
    if gold.get("title"):
        checks["title_ok"] = norm_ws(pred.title) == norm_ws(gold["title"])
    if "author" in gold:
        wanted = gold["author"]  # trafilatura-dev lists some multi-author pages' names
        wanted = "; ".join(wanted) if isinstance(wanted, list) else wanted
        checks["author_ok"] = norm_author(pred.author) == norm_author(wanted)
    if "date" in gold:
        checks["date_ok"] = to_day(gold["date"]) == to_day(pred.date)
    return checks


def _zh_page(gold: Gold, pred: Prediction) -> PageResult:
    p, r, f = body_prf(pred.body, gold.get("body") or "")
    return {
        "title_ok": norm_ws(pred.title) == norm_ws(gold.get("title")),
        "author_ok": norm_author(pred.author) == norm_author(gold.get("author")),
        "date_ok": to_day(gold.get("date")) == to_day(pred.date),
        "body_p": round(p, 4),
        "body_r": round(r, 4),
        "body_f1": round(f, 4),
    }


def _pct(pages: Sequence[PageResult], key: str) -> float:
    # the reference's exact expression: rounding differs at the last bit for other forms
    total: float = sum(p[key] for p in pages)
    return round(100 * total / (len(pages) or 1), 1)


def _zh_summary(pages: Sequence[PageResult]) -> dict[str, float]:
    keys = ("title_ok", "author_ok", "date_ok", "body_f1", "body_p", "body_r")
    names = ("title_pct", "author_pct", "date_pct", "body_f1_pct", "body_p_pct", "body_r_pct")
    return {"pages": len(pages), **{name: _pct(pages, key) for name, key in zip(names, keys)}}


def _zh_page_f1(page: PageResult) -> float:
    return float(page["body_f1"])


# --- wceb: the paper's ROUGE-LSum per page, means over pages ---------------------------------


@functools.cache
def _rouge_lsum() -> Callable[[str, str], tuple[float, float, float]]:
    """The WCEB harness's own scorer (``rouge_lsum.py`` beside the data), imported at run time:
    its code and data stay out of this repository."""
    from ._data import wceb_dir

    path = wceb_dir() / "rouge_lsum.py"
    spec = importlib.util.spec_from_file_location("wceb_rouge_lsum", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no WCEB scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    score: Callable[[str, str], tuple[float, float, float]] = module.rouge_lsum
    return score


def _wceb_page(gold: Gold, pred: Prediction) -> PageResult:
    rouge = _rouge_lsum()
    p, r, f = rouge(gold["text"], pred.body or "")
    page: PageResult = {"rouge_p": p, "rouge_r": r, "rouge_f1": f}
    if gold.get("comments") is not None and pred.comments is not None:
        page["comments_p"], page["comments_r"], page["comments_f1"] = rouge(
            gold["comments"], pred.comments
        )
    return page


def _wceb_summary(pages: Sequence[PageResult]) -> dict[str, float]:
    summary = {
        "precision": _mean([p["rouge_p"] for p in pages]),
        "recall": _mean([p["rouge_r"] for p in pages]),
        "f1": _mean([p["rouge_f1"] for p in pages]),
        "median_f1": statistics.median(p["rouge_f1"] for p in pages) if pages else 0.0,
    }
    scored = [p for p in pages if "comments_f1" in p]
    summary["comments_n"] = len(scored)
    for key in ("p", "r", "f1"):
        summary[f"comments_{key}"] = _mean([p[f"comments_{key}"] for p in scored])
    return summary


def _wceb_page_f1(page: PageResult) -> float:
    return float(page["rouge_f1"])


# --- the document score against per-page F1 ---------------------------------------------------

_BAD_PAGE_F1 = 0.5
"""A page whose body F1 is below this counts as a failed extraction for the ROC AUC."""


@dataclass(frozen=True, slots=True)
class ScoreAgreement:
    """How well a per-page confidence predicts the page's body F1."""

    pages: int
    bad: int
    """Pages with F1 below 0.5."""
    auc: float
    """ROC AUC of a low score for telling the bad pages from the rest (0.5: no better than
    chance; NaN when either group is empty)."""
    spearman: float
    """Spearman rank correlation of score and F1 (NaN when either is constant)."""


def _ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties given their mean rank."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for k in range(start, end + 1):
            ranks[order[k]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def _pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    mx, my = statistics.mean(xs), statistics.mean(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / (sxx * syy) ** 0.5 if sxx and syy else float("nan")


def score_agreement(scores: Sequence[float], f1s: Sequence[float]) -> ScoreAgreement:
    """ROC AUC (bad pages: F1 < 0.5, predicted by a low score) and Spearman's rho."""
    n = len(scores)
    ranks = _ranks(scores)
    bad = [r for r, f in zip(ranks, f1s) if f < _BAD_PAGE_F1]
    good = n - len(bad)
    # Mann-Whitney: the share of (bad, good) pairs in which the bad page scores lower
    auc = (
        (good * len(bad) + len(bad) * (len(bad) + 1) / 2 - sum(bad)) / (good * len(bad))
        if bad and good
        else float("nan")
    )
    rho = _pearson(ranks, _ranks(f1s)) if n > 1 else float("nan")
    return ScoreAgreement(n, len(bad), auc, rho)


# --- dates: the publication day only (htmldate's evaluation pages) -----------------------------


def _dates_page(gold: Gold, pred: Prediction) -> PageResult:
    return {"date_ok": to_day(gold["date"]) == to_day(pred.date)}


def _dates_summary(pages: Sequence[PageResult]) -> dict[str, float]:
    return {"date_acc": _ratio(sum(p["date_ok"] for p in pages), len(pages)), "date_n": len(pages)}


def _dates_page_f1(page: PageResult) -> float:
    return float(page["date_ok"])  # no body gold: --worst ranks the wrong dates first


# --- registry ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Metric:
    """How one dataset kind is scored and shown."""

    page: Callable[[Gold, Prediction], PageResult]
    """Scores one page; the dict holds the reference scorer's per-page values."""
    summary: Callable[[Sequence[PageResult]], dict[str, float]]
    """Aggregates the page dicts as the reference scorer does."""
    page_f1: Callable[[PageResult], float]
    """One page's body F1, to rank the worst pages."""
    columns: Mapping[str, str]
    """Table column (``P R F1 acc title author date``) -> summary key."""
    scale: float
    """Factor that turns the summary's values into percent."""


METRICS: Mapping[str, Metric] = MappingProxyType(
    {
        "scrapinghub": Metric(
            _scrapinghub_page, _scrapinghub_summary, _scrapinghub_page_f1,
            MappingProxyType({"P": "precision", "R": "recall", "F1": "f1", "acc": "accuracy"}),
            100.0,
        ),
        "trafilatura": Metric(
            _trafilatura_page, _trafilatura_summary, _trafilatura_page_f1,
            MappingProxyType({
                "P": "precision", "R": "recall", "F1": "f1", "acc": "accuracy",
                "title": "title_acc", "author": "author_acc", "date": "date_acc",
            }),
            100.0,
        ),
        "zh": Metric(
            _zh_page, _zh_summary, _zh_page_f1,
            MappingProxyType({
                "P": "body_p_pct", "R": "body_r_pct", "F1": "body_f1_pct",
                "title": "title_pct", "author": "author_pct", "date": "date_pct",
            }),
            1.0,
        ),
        "wceb": Metric(
            _wceb_page, _wceb_summary, _wceb_page_f1,
            MappingProxyType({"P": "precision", "R": "recall", "F1": "f1"}),
            100.0,
        ),
        "dates": Metric(
            _dates_page, _dates_summary, _dates_page_f1,
            MappingProxyType({"date": "date_acc"}), 100.0,
        ),
    }
)  # fmt: skip
"""Dataset kind -> its metric."""
