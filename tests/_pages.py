"""The one way the tests read a page: every page is a file of the repository, read by
`read_page` (gzip undone). Pages with an expected result (``fixtures/pages/<name>/``) come
through `declutter.testing`, the loader the pytest plugin uses; benchmark datasets through
`declutter.bench.load_dataset`.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from declutter.testing import PortalPage, load_page

__all__ = ["FIXTURES", "REPO", "SNIPPETS", "fixture_page", "read_page", "snippet_bytes"]

REPO = Path(__file__).resolve().parents[1]
"""The repository's root (tests read nothing outside it)."""
FIXTURES = REPO / "fixtures"
"""Real pages and datasets, with their licences (``fixtures/pages``, ``fixtures/bench``)."""
SNIPPETS = REPO / "tests" / "snippets"
"""Small pages cut or written for the unit tests (see its README)."""


def read_page(path: str | Path) -> bytes:
    """The bytes of the page at `path` (relative to the repository root, or absolute); a
    ``.gz`` file comes back decompressed."""
    path = REPO / path
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def snippet_bytes(name: str) -> bytes:
    """A page under ``tests/snippets``."""
    return read_page(SNIPPETS / name)


def fixture_page(name: str) -> PortalPage:
    """``fixtures/pages/<name>``: the page and its expected result."""
    return load_page(name, FIXTURES / "pages")
