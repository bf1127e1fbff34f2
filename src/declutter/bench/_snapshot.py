"""``python -m declutter.bench --snapshot OUT``: one SHA-256 per page of declutter's whole output.

A refactoring must not change what declutter returns. The snapshot extracts every page of
every dataset at hand (the repository's scrapinghub, trafilatura-dev and fixture pages, and,
when ``../shared/bench`` sits beside the checkout, wceb-dev and dates) and writes one line per
page: ``dataset/id``, the hash of ``Article.to_json(include_blocks=True)``, and the hashes of
its Markdown and HTML renderings. Two snapshots compare with ``diff``/``cmp``; `compare` names
the pages that differ. The `Article` holds no timing field, so nothing needs masking.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from .._api import extract
from ..testing import portal_pages
from ._data import load_dataset

__all__ = ["compare", "snapshot_lines", "write_snapshot"]

_SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "bench"
_Page = tuple[str, bytes, "str | None"]


def _repo_pages() -> Iterator[_Page]:
    for name in ("scrapinghub", "trafilatura-dev"):
        for page in load_dataset(name).pages:
            yield f"{name}/{page.id}", page.html, page.url
    for fixture in portal_pages(""):
        yield f"pages/{fixture.name}", fixture.html, fixture.expected.get("url")


def _shared_pages(root: Path) -> Iterator[_Page]:
    for name in ("cleaneval", "dragnet"):
        folder = root / "wceb-dev" / name
        if not folder.is_dir():
            continue
        for line in (folder / "gold.jsonl").read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            item = json.loads(line)
            html = gzip.decompress((folder / "html" / f"{item['id']}.html.gz").read_bytes())
            yield f"wceb-{name}/{item['id']}", html, item.get("url")
    dates = root / "dates"
    if dates.is_dir():
        gold = json.loads((dates / "gold.json").read_text(encoding="utf-8"))
        for file in sorted(gold):
            html = gzip.decompress((dates / "html" / f"{file}.gz").read_bytes())
            yield f"dates/{file}", html, gold[file].get("url")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def snapshot_lines(shared: Path = _SHARED) -> Iterator[str]:
    """One ``key article-sha markdown-sha html-sha`` line per page, in a fixed order."""
    for key, html, url in chain(_repo_pages(), _shared_pages(shared)):
        doc = extract(html, url=url)
        parts = (doc.to_json(include_blocks=True), doc.to_markdown(), doc.to_html())
        yield " ".join((key, *map(_sha, parts)))


def write_snapshot(out: Path) -> int:
    """Write the snapshot to `out`; returns the number of pages."""
    lines = list(snapshot_lines())
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def compare(reference: Path, current: Path) -> list[str]:
    """Keys of the pages whose hashes differ (or that only one snapshot holds)."""

    def read(path: Path) -> dict[str, str]:
        rows = (line.split(" ", 1) for line in path.read_text(encoding="utf-8").split("\n") if line)
        return {key: rest for key, rest in rows}

    ref, cur = read(reference), read(current)
    return sorted(k for k in ref.keys() | cur.keys() if ref.get(k) != cur.get(k))
