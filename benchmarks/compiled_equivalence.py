"""The compiled walk and the pure-Python walk give identical `Article`s on every page.

Every page of every dataset is extracted twice, ``compiled_walk=True`` and ``False``, each
with the default options and with links and images recorded (the structure the renderers
use), and the two `Article`s are compared whole (body, metadata, every block's fields).
The pages: ``*.html.gz`` under ../shared/bench (ScrapingHub, trafilatura-dev, dates,
WCEB dev sets: read in place, never copied) when present, the repo's fixtures/bench, and
the fixture pages (fixtures/pages, zh and others).

    python benchmarks/compiled_equivalence.py            # all pages
    python benchmarks/compiled_equivalence.py --limit 50 # the first 50 of each folder

Exits 1 when a page differs (their paths are printed), 2 when the kernel is not in use.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections.abc import Iterator
from pathlib import Path

import declutter
from declutter import _segment
from declutter.testing import fixtures_dir

_ROOT = Path(__file__).resolve().parents[1]
_FOLDERS = (_ROOT.parent / "shared" / "bench", _ROOT / "fixtures" / "bench")
_VARIANTS = (declutter.Options(), declutter.Options(include_links=True, include_images=True))


def pages(limit: int | None) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every page, folder by folder."""
    for root in _FOLDERS:
        folders = sorted({p.parent for p in root.rglob("*.html.gz")}) if root.is_dir() else []
        for folder in folders:
            for path in sorted(folder.glob("*.html.gz"))[:limit]:
                yield str(path), gzip.decompress(path.read_bytes())
    for path in sorted(fixtures_dir().glob("*/page.html*"))[:limit]:
        data = path.read_bytes()
        yield str(path), gzip.decompress(data) if path.suffix == ".gz" else data


def differs(html: bytes) -> bool:
    """Whether the two walks give different articles for `html` under any variant."""
    return any(
        declutter.extract(html, options=options)
        != declutter.extract(html, options=options.replace(compiled_walk=False))
        for options in _VARIANTS
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="at most this many pages per folder")
    args = parser.parse_args()
    if _segment.KERNEL is None:
        print("the compiled walk is not in use (not built, disabled or self-test failed)")
        return 2
    total = 0
    bad: list[str] = []
    for name, html in pages(args.limit):
        total += 1
        if differs(html):
            bad.append(name)
            print(f"DIFFERS {name}", flush=True)
    print(f"{total} pages, {len(bad)} differ ({len(_VARIANTS)} option sets each)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
