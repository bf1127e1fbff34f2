"""declutter.testing: finding pages (env var, ini option, source tree), page.html and .gz."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from declutter.testing import ENV_VAR, fixtures_dir, load_page, portal_pages

_EXPECTED = {"url": "https://example.org/a", "title": "A", "body": "Body."}
_TEST = """
def test_page(portal_page):
    assert portal_page.html.startswith(b"<html>")
    assert portal_page.expected["title"] == "A"
"""


def _make_pages(root: Path) -> Path:
    """Two pages, one stored plain and one gzipped."""
    for name, gz in (("plain", False), ("zipped", True)):
        folder = root / name
        folder.mkdir(parents=True)
        html = f"<html><body><p>{name}</p></body></html>".encode()
        if gz:
            (folder / "page.html.gz").write_bytes(gzip.compress(html))
        else:
            (folder / "page.html").write_bytes(html)
        (folder / "expected.json").write_text(json.dumps(_EXPECTED), encoding="utf-8")
    return root


def test_plain_and_gzipped_pages_load(tmp_path: Path) -> None:
    root = _make_pages(tmp_path / "pages")
    pages = portal_pages(root=root)
    assert [(p.name, p.html) for p in pages] == [
        ("plain", b"<html><body><p>plain</p></body></html>"),
        ("zipped", b"<html><body><p>zipped</p></body></html>"),
    ]
    assert load_page("zipped", root).path == root / "zipped"


def test_source_tree_pages_are_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert (fixtures_dir() / "amz123-xiaohongshu" / "expected.json").is_file()


def test_env_var_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _make_pages(tmp_path / "pages")
    monkeypatch.setenv(ENV_VAR, str(root))
    assert fixtures_dir("elsewhere") == root
    assert [p.name for p in portal_pages()] == ["plain", "zipped"]


def test_ini_option_parametrises_portal_page(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    _make_pages(pytester.path / "mypages")
    pytester.makeini("[pytest]\ndeclutter_fixtures = mypages\n")
    pytester.makepyfile(_TEST)
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*test_page?plain? PASSED*", "*test_page?zipped? PASSED*"])
