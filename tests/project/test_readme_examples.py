"""README's Python examples that need no data of their own run as written, with a local HTTP
server standing in for ``https://example.com``."""

from __future__ import annotations

import re

import pytest

import declutter
from _pages import REPO, read_page
from http_helpers import Reply, serve
from outputs_helpers import real_page

README = REPO / "README.md"
SITE = "https://example.com"


def _blocks(marker: str) -> list[str]:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    return [b for b in blocks if marker in b]


@pytest.mark.parametrize("block", _blocks("extract_url"))
def test_the_url_example_runs(block: str) -> None:
    page = real_page("flowfx.de.tmux.html")
    with serve(
        lambda path: Reply(page, headers={"Content-Type": "text/html; charset=utf-8"})
    ) as site:
        scope: dict[str, object] = {"declutter": declutter}
        exec(block.replace(SITE, site.base), scope)  # noqa: S102  (README's own code)
    doc = scope["doc"]
    assert isinstance(doc, declutter.Article)
    assert doc.url == site.base + "/news/1.html"
    assert doc.body == declutter.extract(page).body
    assert site.requests[-1][1]["user-agent"] == "my-bot/1.0"


def test_readme_has_the_url_example() -> None:
    assert _blocks("extract_url")


def test_the_formatting_and_comments_example_runs() -> None:
    (block,) = _blocks("include_formatting")
    page = read_page("fixtures/bench/trafilatura-dev/html/elavegan.com-Peanut.html.gz")
    scope: dict[str, object] = {"page_bytes": page, "url": "https://example.com/a"}
    exec("from declutter import Options, extract, render\n" + block, scope)  # noqa: S102  (README's own code)
    markdown = scope["markdown"]
    assert isinstance(markdown, str) and "**" in markdown and "\n## Comments\n" in markdown
    assert scope["doc"] == declutter.extract(
        page, url="https://example.com/a", options=scope["opts"]
    )  # type: ignore[arg-type]


def test_the_site_memory_example_runs() -> None:
    from declutter.bench import load_dataset

    dataset = load_dataset("scrapinghub")
    pages = [(p.html, p.url) for p in dataset.pages if "morebikes.co.uk/" in (p.url or "")]
    (block,) = _blocks("SiteMemory()")
    scope: dict[str, object] = {"declutter": declutter, "pages": pages}
    exec(block, scope)  # noqa: S102  (README's own code)
    cleaned = scope["cleaned"]
    assert isinstance(cleaned, list) and len(cleaned) == 2
    for article, (html, url) in zip(cleaned, pages):
        plain = declutter.extract(html, url=url).body
        assert "Get Motor Cycle Monthly" in plain and "Get Motor Cycle Monthly" not in article.body
