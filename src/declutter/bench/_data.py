"""The benchmark datasets: where they live, how they load, and a hash of their contents."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..testing import fixtures_dir, portal_pages

__all__ = ["DATASETS", "BenchPage", "Dataset", "bench_dir", "corpus_sha256", "load_dataset"]

DATASETS = ("scrapinghub", "trafilatura-dev", "zh")
"""Dataset names, in the order the benchmark runs them."""
_SOURCE_TREE = Path(__file__).resolve().parents[3] / "fixtures" / "bench"
_ZH_PREFIX = "zh-"


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


def load_dataset(name: str, data: Path | None = None, pages_root: Path | None = None) -> Dataset:
    """Load dataset `name` from `data` (default `bench_dir`) or, for zh, from `pages_root`."""
    if name == "zh":
        return Dataset(name, "zh", tuple(_load_zh(pages_root or fixtures_dir())))
    folder = (data or bench_dir()) / name
    if name == "scrapinghub":
        return Dataset(name, "scrapinghub", tuple(_load_scrapinghub(folder)))
    if name == "trafilatura-dev":
        return Dataset(name, "trafilatura", tuple(_load_trafilatura(folder)))
    raise ValueError(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}")


def corpus_sha256(dataset: Dataset) -> str:
    """SHA-256 over the pages' ids, bytes and gold, so pinned floors follow the corpus."""
    digest = hashlib.sha256()
    for page in dataset.pages:
        gold = json.dumps(page.gold, sort_keys=True, ensure_ascii=False).encode("utf-8")
        for part in (page.id.encode("utf-8"), page.html, gold):
            digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()
