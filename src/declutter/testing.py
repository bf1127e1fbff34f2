"""Real pages with their expected output, for declutter's tests and for yours.

Installing declutter registers this module as a pytest plugin (entry point ``pytest11``). A
test that takes an argument named ``portal_page`` runs once per page, with a `PortalPage`
(``.name``, ``.html`` raw bytes, ``.expected`` dict, ``.path`` of its folder)::

    import declutter

    def test_title(portal_page):
        doc = declutter.extract(portal_page.html, url=portal_page.expected.get("url"))
        assert doc.title == portal_page.expected["title"]

Outside pytest, or to parametrise over a subset, use `portal_pages` and `load_page`::

    @pytest.mark.parametrize("page", portal_pages("zh-"), ids=str)
    def test_zh(page): ...

    page = load_page("amz123-xiaohongshu")

Each page is a folder ``<name>/`` holding ``page.html`` (or ``page.html.gz``: the same bytes
gzipped) and ``expected.json`` (see ``fixtures/pages/README.md``). `fixtures_dir` finds the
folder of pages, first match wins:

1. the ``DECLUTTER_FIXTURES`` environment variable;
2. the ``declutter_fixtures`` ini option (relative to the ini file), under pytest;
3. ``declutter/_fixtures`` inside the installed package (wheels ship the pages there);
4. ``fixtures/pages`` of the source tree (editable installs: ``src/declutter/testing.py``
   -> ``../../fixtures/pages``).

This module does not import pytest, so the loaders work without it.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pytest

__all__ = ["ENV_VAR", "INI_OPTION", "PortalPage", "fixtures_dir", "load_page", "portal_pages"]

ENV_VAR = "DECLUTTER_FIXTURES"
"""Environment variable naming the folder of pages."""
INI_OPTION = "declutter_fixtures"
"""pytest ini option naming the folder of pages."""
_FIXTURE_ARG = "portal_page"
_PACKAGED = Path(__file__).resolve().parent / "_fixtures"
_SOURCE_TREE = Path(__file__).resolve().parents[2] / "fixtures" / "pages"


@dataclass(frozen=True, slots=True)
class PortalPage:
    """One real page and what declutter should extract from it."""

    name: str
    """Folder name, e.g. ``zh-163_20240513_parking``."""
    html: bytes = field(repr=False)
    """The page's bytes as published (gunzipped when stored as ``page.html.gz``)."""
    expected: Mapping[str, Any] = field(repr=False)
    """``expected.json``: ``url``, ``title``, ``author``, ``date``, ``body``, ..."""
    path: Path
    """The page's folder."""

    def __str__(self) -> str:
        return self.name


def fixtures_dir(configured: str | os.PathLike[str] | None = None) -> Path:
    """The folder of pages; `configured` is the ini option's value, if any (see module doc)."""
    for candidate in (os.environ.get(ENV_VAR) or None, configured or None, _PACKAGED, _SOURCE_TREE):
        if candidate is not None and Path(candidate).is_dir():
            return Path(candidate)
    raise FileNotFoundError(
        f"no declutter fixture pages: set {ENV_VAR} to a folder of <name>/page.html pages "
        f"(looked in {_PACKAGED} and {_SOURCE_TREE})"
    )


def _read_html(folder: Path) -> bytes:
    plain = folder / "page.html"
    if plain.is_file():
        return plain.read_bytes()
    return gzip.decompress((folder / "page.html.gz").read_bytes())


def load_page(name: str, root: str | os.PathLike[str] | None = None) -> PortalPage:
    """The page in folder `name` under `root` (default: `fixtures_dir`)."""
    folder = Path(root) if root is not None else fixtures_dir()
    folder = folder / name
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return PortalPage(name=name, html=_read_html(folder), expected=expected, path=folder)


def portal_pages(prefix: str = "", root: str | os.PathLike[str] | None = None) -> list[PortalPage]:
    """Every page whose folder name starts with `prefix`, sorted by name."""
    base = Path(root) if root is not None else fixtures_dir()
    names = sorted(p.parent.name for p in base.glob("*/expected.json"))
    return [load_page(name, base) for name in names if name.startswith(prefix)]


def _configured_dir(config: pytest.Config) -> Path | None:
    value = str(config.getini(INI_OPTION) or "")
    if not value:
        return None
    base = config.inipath.parent if config.inipath is not None else config.rootpath
    return base / value


def pytest_addoption(parser: pytest.Parser) -> None:
    """Declare the ``declutter_fixtures`` ini option."""
    parser.addini(INI_OPTION, "folder of declutter fixture pages (<name>/page.html)", default="")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test that asks for ``portal_page`` once per page."""
    if _FIXTURE_ARG in metafunc.fixturenames:
        root = fixtures_dir(_configured_dir(metafunc.config))
        pages = portal_pages(root=root)
        metafunc.parametrize(_FIXTURE_ARG, pages, ids=[p.name for p in pages])
