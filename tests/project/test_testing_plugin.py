"""declutter.testing: finding pages (env var, options, source tree), page.html and .gz, and
the pytest plugin, opt-in: off without ``-p declutter.testing``, its fixtures listed."""

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


def _run_pytest(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """A separate pytest process in `pytester`'s folder, as a user's project would run it."""
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", *args)


@pytest.fixture
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A user's project: two pages in ``mypages/`` and a test that asks for ``portal_page``."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    _make_pages(pytester.path / "mypages")
    pytester.makepyfile(_TEST)
    return pytester


def test_the_plugin_is_off_unless_asked_for(project: pytest.Pytester) -> None:
    result = _run_pytest(project)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'portal_page' not found*"])


def test_ini_option_parametrises_portal_page(project: pytest.Pytester) -> None:
    project.makeini("[pytest]\ndeclutter_fixtures = mypages\n")
    result = _run_pytest(project, "-v", "-p", "declutter.testing")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*test_page?plain? PASSED*", "*test_page?zipped? PASSED*"])


def test_conftest_line_and_command_line_option(project: pytest.Pytester) -> None:
    project.makeconftest('pytest_plugins = ["declutter.testing"]\n')
    result = _run_pytest(project, "--declutter-fixtures", "mypages")
    result.assert_outcomes(passed=2)


def test_fixtures_are_listed_with_their_docs(project: pytest.Pytester) -> None:
    result = _run_pytest(project, "--fixtures", "-p", "declutter.testing")
    assert result.ret == 0
    result.stdout.fnmatch_lines(
        ["portal_pages_dir ?session scope? -- *", "*folder of declutter fixture pages*",
         "portal_page -- *", "*One real page and its expected output*"],
    )  # fmt: skip
