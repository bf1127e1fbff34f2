"""The benchmark datasets: where they live, how they load, and a hash of their contents."""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..testing import fixtures_dir, portal_pages

__all__ = [
    "COMMENTS_MARKER",
    "DATASETS",
    "SHARED_DATASETS",
    "WCEB_DATASETS",
    "BenchPage",
    "Dataset",
    "bench_dir",
    "corpus_sha256",
    "load_dataset",
    "sample_pages",
    "shared_bench_dir",
    "wceb_dir",
]

WCEB_DATASETS = ("cleaneval", "dragnet")
"""Datasets of the web content extraction benchmark (Bevendorff et al., SIGIR 2023), read
from `wceb_dir` when it is there (their licences keep them out of the repository)."""
DATASETS = ("scrapinghub", "trafilatura-dev", "zh", *WCEB_DATASETS, "dates")
"""Dataset names, in the order the benchmark runs them."""
_SOURCE_TREE = Path(__file__).resolve().parents[3] / "fixtures" / "bench"
_SHARED_TREE = Path(__file__).resolve().parents[4] / "shared" / "bench"
SHARED_DATASETS = frozenset({*WCEB_DATASETS, "dates"})
"""Datasets too large or not licensed to ship in the repository: read from `shared_bench_dir`
when it holds them, skipped with a note otherwise."""
_ZH_PREFIX = "zh-"
COMMENTS_MARKER = re.compile(r"^[!@#$%^&*() \t]{3,}COMMENTS[ \t\r]*$", re.MULTILINE)
"""The line of a Dragnet gold text that separates the article from its reader comments:
``!@#$%^&*()  COMMENTS``, typed by hand, so with a symbol missing or doubled on a few pages."""


@dataclass(frozen=True, slots=True)
class BenchPage:
    """One benchmark page and its gold annotation (in its dataset's own format)."""

    id: str
    url: str | None
    html: bytes = field(repr=False)
    gold: Mapping[str, Any] = field(repr=False)


@dataclass(frozen=True, slots=True)
class Dataset:
    """A loaded dataset; `kind` names its metric in `_metrics.METRICS`."""

    name: str
    kind: str
    pages: tuple[BenchPage, ...]


def bench_dir() -> Path:
    """``fixtures/bench`` of the source tree (not shipped in wheels)."""
    return _SOURCE_TREE


def shared_bench_dir() -> Path:
    """``../shared/bench`` beside the checkout: the datasets the repository does not ship."""
    return _SHARED_TREE


def wceb_dir() -> Path:
    """``../shared/bench/wceb-dev``: the wceb sets and their scorer (absent: no wceb sets)."""
    return _SHARED_TREE / "wceb-dev"


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _load_scrapinghub(folder: Path) -> list[BenchPage]:
    truth: dict[str, dict[str, Any]] = _read_json(folder / "ground-truth.json")
    return [
        BenchPage(
            pid,
            truth[pid].get("url"),
            gzip.decompress((folder / "html" / f"{pid}.html.gz").read_bytes()),
            truth[pid],
        )
        for pid in sorted(truth)
    ]


def _load_trafilatura(folder: Path) -> list[BenchPage]:
    evaldata: dict[str, dict[str, Any]] = _read_json(folder / "evaldata.json")
    items = sorted(evaldata.items(), key=lambda kv: str(kv[1]["file"]))
    # the pages are stored gzipped; evaldata.json names the uncompressed file
    return [
        BenchPage(
            item["file"],
            url,
            gzip.decompress((folder / "html" / f"{item['file']}.gz").read_bytes()),
            item,
        )
        for url, item in items
    ]


def _load_zh(pages_root: Path) -> list[BenchPage]:
    return [
        BenchPage(p.name.removeprefix(_ZH_PREFIX), p.expected.get("url"), p.html, p.expected)
        for p in portal_pages(_ZH_PREFIX, root=pages_root)
    ]


def _wceb_gold(record: Mapping[str, Any]) -> dict[str, Any]:
    """The gold split at the comments marker: ``text`` the article, ``comments`` the rest."""
    text: str = record["text"]
    marker = COMMENTS_MARKER.search(text)
    return {
        "text": text[: marker.start()] if marker else text,
        "comments": text[marker.end() :] if marker else None, "source": record.get("source"),
    }  # fmt: skip


def _load_wceb(folder: Path) -> list[BenchPage]:
    # one record a line; not splitlines(), which also breaks at U+2028 inside a text
    lines = (folder / "gold.jsonl").read_text(encoding="utf-8").split("\n")
    records = sorted((json.loads(line) for line in lines if line.strip()), key=lambda r: r["id"])
    return [
        BenchPage(
            r["id"],
            r.get("url"),
            gzip.decompress((folder / "html" / f"{r['id']}.html.gz").read_bytes()),
            _wceb_gold(r),
        )
        for r in records
    ]


def _load_dates(folder: Path) -> list[BenchPage]:
    gold: dict[str, dict[str, Any]] = _read_json(folder / "gold.json")
    return [
        BenchPage(
            name,
            gold[name].get("url"),
            gzip.decompress((folder / "html" / f"{name}.gz").read_bytes()),
            gold[name],
        )
        for name in sorted(gold)
    ]


def load_dataset(name: str, data: Path | None = None, pages_root: Path | None = None) -> Dataset:
    """Load dataset `name` from `data` (default `bench_dir`, or `shared_bench_dir` for the
    datasets the repository does not ship) or, for zh, from `pages_root`. Raises
    `FileNotFoundError` when a shared dataset's folder is absent."""
    if name == "zh":
        return Dataset(name, "zh", tuple(_load_zh(pages_root or fixtures_dir())))
    if name in WCEB_DATASETS:
        folder = wceb_dir() / name
        if not (folder / "gold.jsonl").is_file():
            raise FileNotFoundError(f"{name}: no {folder / 'gold.jsonl'}")
        return Dataset(name, "wceb", tuple(_load_wceb(folder)))
    folder = (data or (shared_bench_dir() if name in SHARED_DATASETS else bench_dir())) / name
    if name in SHARED_DATASETS and not folder.is_dir():
        raise FileNotFoundError(f"dataset {name!r} not found in {folder.parent}")
    if name == "dates":
        return Dataset(name, "dates", tuple(_load_dates(folder)))
    if name == "scrapinghub":
        return Dataset(name, "scrapinghub", tuple(_load_scrapinghub(folder)))
    if name == "trafilatura-dev":
        return Dataset(name, "trafilatura", tuple(_load_trafilatura(folder)))
    raise ValueError(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}")


def sample_pages(dataset: Dataset, count: int, seed: str) -> Dataset:
    """`count` pages of `dataset` drawn at random with `seed` (the same for the same seed and
    dataset), in id order; the whole dataset when it has no more pages."""
    if count >= len(dataset.pages):
        return dataset
    chosen = random.Random(f"{seed}:{dataset.name}").sample(list(dataset.pages), count)
    return Dataset(dataset.name, dataset.kind, tuple(sorted(chosen, key=lambda p: p.id)))


def corpus_sha256(dataset: Dataset) -> str:
    """SHA-256 over the pages' ids, bytes and gold, so pinned floors follow the corpus."""
    digest = hashlib.sha256()
    for page in dataset.pages:
        gold = json.dumps(page.gold, sort_keys=True, ensure_ascii=False).encode("utf-8")
        for part in (page.id.encode("utf-8"), page.html, gold):
            digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()
