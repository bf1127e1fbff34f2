#!/usr/bin/env python3
"""Copy the evaluation data from a `shared/` folder into the repo's `fixtures/` (run once).

    python benchmarks/import_fixtures.py /path/to/shared

Kept so the provenance of `fixtures/` is reproducible: page bytes are copied verbatim (never
re-encoded); pages larger than GZIP_OVER bytes are gzipped with mtime 0 so reruns give
identical files.
"""

from __future__ import annotations

import gzip
import shutil
import sys
from pathlib import Path

GZIP_OVER = 200 * 1024
"""Pages larger than this are stored as ``page.html.gz`` (the loaders read both)."""


def _gzip_to(data: bytes, dest: Path) -> None:
    with dest.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)


def _write_page(data: bytes, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if len(data) > GZIP_OVER:
        _gzip_to(data, folder / "page.html.gz")
    else:
        (folder / "page.html").write_bytes(data)


def _import_pages(shared: Path, pages: Path) -> None:
    amz = shared / "fixtures" / "amz123-xiaohongshu"
    _write_page((amz / "page.html").read_bytes(), pages / "amz123-xiaohongshu")
    shutil.copyfile(amz / "expected.json", pages / "amz123-xiaohongshu" / "expected.json")
    for gold in sorted((shared / "bench" / "zh").glob("*.json")):
        folder = pages / f"zh-{gold.stem}"
        _write_page(gold.with_suffix(".html").read_bytes(), folder)
        shutil.copyfile(gold, folder / "expected.json")


def _import_bench(shared: Path, bench: Path) -> None:
    shutil.copytree(shared / "bench" / "scrapinghub", bench / "scrapinghub", dirs_exist_ok=True)
    src, dest = shared / "bench" / "trafilatura-dev", bench / "trafilatura-dev"
    (dest / "html").mkdir(parents=True, exist_ok=True)
    for name in ("evaldata.json", "LICENSE", "README.md"):
        shutil.copyfile(src / name, dest / name)
    for page in sorted((src / "html").iterdir()):
        _gzip_to(page.read_bytes(), dest / "html" / (page.name + ".gz"))


def main() -> None:
    shared = Path(sys.argv[1])
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    _import_pages(shared, fixtures / "pages")
    _import_bench(shared, fixtures / "bench")


if __name__ == "__main__":
    main()
