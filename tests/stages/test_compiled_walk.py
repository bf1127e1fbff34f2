"""The compiled walk (`declutter._walk`) gives exactly the pure-Python walk's results.

benchmarks/compiled_equivalence.py checks every page of every dataset; this checks a sample
of the repo's real pages, the walk's limits, and that the kernel is in use when built.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

import declutter
from _pages import FIXTURES, read_page
from declutter import _prune, _segment
from declutter._deadline import NO_DEADLINE

_PURE = os.environ.get("DECLUTTER_PURE_PYTHON", "") not in ("", "0")
_BUILT = importlib.util.find_spec("declutter._walk") is not None
_EVERY = 12  # one bench page in this many: the sample stays a few seconds
needs_kernel = pytest.mark.skipif(_segment.KERNEL is None, reason="compiled walk not in use")


def _sample() -> list[Path]:
    bench = sorted((FIXTURES / "bench").rglob("*.html.gz"))[::_EVERY]
    return bench + sorted((FIXTURES / "pages").glob("*/page.html*"))


def test_kernel_in_use_exactly_when_built_and_not_disabled() -> None:
    assert (_segment.KERNEL is not None) == (_BUILT and not _PURE)


@pytest.mark.skipif(not _BUILT, reason="compiled walk not built")
def test_environment_variable_disables_the_kernel() -> None:
    code = "from declutter import _segment; print(_segment.KERNEL is None)"
    env = {**os.environ, "DECLUTTER_PURE_PYTHON": "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "True"


@needs_kernel
@pytest.mark.parametrize("path", _sample(), ids=lambda p: p.name.split(".")[0][:40])
def test_articles_identical_on_real_pages(path: Path) -> None:
    html = read_page(path)
    for options in (
        declutter.Options(),
        declutter.Options(include_links=True, include_images=True, include_formatting=True),
    ):
        compiled = declutter.extract(html, options=options)
        python = declutter.extract(html, options=options.replace(compiled_walk=False))
        assert compiled == python
        assert compiled.blocks == python.blocks  # every feature of every block


@needs_kernel
@pytest.mark.parametrize(
    "limit", [{"max_nodes": 3 * _segment.DEADLINE_CHECK_EVERY}, {"max_blocks": 7}]
)
def test_cut_short_walks_identical(limit: dict[str, int]) -> None:
    """The walk's node and block limits stop both walks at the same place (a page of 12,000
    nodes in its body)."""
    html = read_page(
        FIXTURES / "bench" / "trafilatura-dev" / "html" / "dailymail.co.uk.food.html.gz"
    )
    tree = LexborHTMLParser(html)
    assert tree.body is not None
    results = []
    for compiled in (True, False):
        plan = _prune.plan(tree)
        settings = {"max_nodes": 10**9, "max_blocks": None, **limit}
        results.append(
            _segment.segment(
                tree.body, plan=plan, deadline=NO_DEADLINE, compiled=compiled, **settings
            )  # type: ignore[arg-type]
        )
    assert results[0].truncated
    assert results[0] == results[1]


def test_compiled_text_reading_in_use_exactly_with_the_kernel() -> None:
    assert (_segment._TEXT_AND_HIDDEN is not None) == (_segment.KERNEL is not None)


@needs_kernel
@pytest.mark.parametrize("path", _sample()[:6], ids=lambda p: p.name.split(".")[0][:40])
def test_compiled_text_reading_is_lexbors_on_every_element(path: Path) -> None:
    """`_walk.text_and_hidden` reads, for any element, Lexbor's ``text(separator=" ")``
    and the same text of each element ``css()`` finds among the invisible ones."""
    read = _segment._TEXT_AND_HIDDEN
    assert read is not None
    tree = LexborHTMLParser(read_page(path))
    assert tree.root is not None
    elements = list(tree.root.traverse())
    assert len(elements) > 100
    for node in elements:
        hidden = [e.text(separator=" ") for e in node.css(_segment._INVISIBLE_TEXT)]
        text = node.text(separator=" ") or ""
        assert read(node, _segment._INVISIBLE_TAGS, len(hidden)) == (text, hidden)
        if hidden:  # more than `most`: the texts are not read
            assert read(node, _segment._INVISIBLE_TAGS, len(hidden) - 1) == (text, None)


@needs_kernel
def test_visible_text_compiled_and_python_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nested invisible elements, one whose text is also printed earlier (the first copy
    goes, as with Lexbor's calls), an invisible root, and more than a few of them."""
    pages = [
        "<div>var x; <p>a<script>var x;</script></p><noscript><style>s</style>n</noscript>b</div>",
        "<div>" + "<p>t<script>s</script></p>" * 12 + "</div>",
        "<div><select><option>o</option></select>tail</div>",
    ]
    nodes = [LexborHTMLParser(page).css_first("div") for page in pages]
    nodes.append(LexborHTMLParser(pages[2]).css_first("select"))
    compiled = [_segment.visible_text(node) for node in nodes if node is not None]
    monkeypatch.setattr(_segment, "_TEXT_AND_HIDDEN", None)
    python = [_segment.visible_text(node) for node in nodes if node is not None]
    assert compiled == python
    assert compiled[0] == "   a var x;   b" and compiled[3] == " "
