"""Real pages with their expected output, for declutter's tests and for yours.

A pytest plugin, opt-in: enable it with ``pytest -p declutter.testing`` or a line
``pytest_plugins = ["declutter.testing"]`` in your top-level ``conftest.py``. A test that
takes an argument named ``portal_page`` then runs once per page, with a `PortalPage`
(``.name``, ``.html`` raw bytes, ``.expected`` dict, ``.path`` of its folder)::

    import declutter

    def test_title(portal_page):
        doc = declutter.extract(portal_page.html, url=portal_page.expected.get("url"))
        assert doc.title == portal_page.expected["title"]

``pytest --fixtures -p declutter.testing`` lists its fixtures. Outside pytest, or to
parametrise over a subset, use `portal_pages` and `load_page`::

    @pytest.mark.parametrize("page", portal_pages("zh-"), ids=str)
    def test_zh(page): ...

    page = load_page("amz123-xiaohongshu")

Each page is a folder ``<name>/`` holding ``page.html`` (or ``page.html.gz``: the same bytes
gzipped) and ``expected.json`` (see ``fixtures/pages/README.md`` of the source tree). The
wheel ships no pages (they are test data, some under other licences): in a source checkout
the plugin finds ``fixtures/pages``; with an installed declutter, point it at a folder of
pages, your own or a checkout's. `fixtures_dir` finds the folder, first match wins:

1. the ``DECLUTTER_FIXTURES`` environment variable;
2. under pytest, the ``--declutter-fixtures DIR`` option, else the ``declutter_fixtures``
   ini option (relative to the ini file);
3. ``fixtures/pages`` of the source tree (``src/declutter/testing.py`` ->
   ``../../fixtures/pages``), when declutter runs from a checkout.

A test that asks for ``portal_page`` where no folder is found fails with that list. The
loaders do not import pytest; the plugin's hooks and fixtures are in
``declutter._testing_plugin``, which pytest loads with this module.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["ENV_VAR", "INI_OPTION", "PortalPage", "fixtures_dir", "load_page", "portal_pages"]

ENV_VAR = "DECLUTTER_FIXTURES"
"""Environment variable naming the folder of pages."""
INI_OPTION = "declutter_fixtures"
"""pytest ini option (and, as ``--declutter-fixtures``, command-line option) naming the folder."""
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
    """The folder of pages; `configured` is pytest's option, if any (see module doc)."""
    for candidate in (os.environ.get(ENV_VAR) or None, configured or None, _SOURCE_TREE):
        if candidate is not None and Path(candidate).is_dir():
            return Path(candidate)
    raise FileNotFoundError(
        f"no declutter fixture pages: set {ENV_VAR}, pytest's --declutter-fixtures or the "
        f"{INI_OPTION} ini option to a folder of <name>/page.html + expected.json "
        f"(the wheel ships none; a source checkout has them in {_SOURCE_TREE})"
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


pytest_plugins = ["declutter._testing_plugin"]
"""Loaded only when pytest loads this module as a plugin: the hooks and fixtures."""
