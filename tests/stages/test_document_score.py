"""The document score: confidence that the page holds an article and the body is it."""

from __future__ import annotations

import gzip

import pytest

import declutter
from _pages import FIXTURES, fixture_page, snippet_bytes

ARTICLES = ["reuters_parasite.html", "163_nike_gb2312.html", "amz123-xiaohongshu"]
NOT_ARTICLES = ["home_teasers.html", "163_portal_links.html", "login_wall.html"]
FRAGMENTS = [
    "Click here",
    "<p>Just a few words of text</p>",
    "<div><span>Menu</span> <span>Search</span></div>",
]


@pytest.mark.parametrize("name", ARTICLES)
def test_clean_article_page_scores_high(name: str) -> None:
    page = fixture_page(name).html if (FIXTURES / "pages" / name).is_dir() else snippet_bytes(name)
    article = declutter.extract(page)
    assert article.score > 0.7
    assert len(article.body.split("\n\n")) >= 5


@pytest.mark.parametrize("name", NOT_ARTICLES)
def test_page_without_an_article_scores_low(name: str) -> None:
    assert declutter.extract(snippet_bytes(name)).score < 0.3


@pytest.mark.parametrize("html", FRAGMENTS)
def test_bare_fragment_scores_low(html: str) -> None:
    assert declutter.extract(html).score < 0.3


def test_link_list_fallback_keeps_text_but_scores_low() -> None:
    """Nothing reads as an article: the best text comes back, flagged by the score."""
    article = declutter.extract(snippet_bytes("home_teasers.html"))
    assert "Council approves new budget for the coming year" in article.body
    assert {b.reason for b in article.blocks if b.kept} == {"fallback"}


def test_empty_page_scores_zero() -> None:
    assert declutter.extract("<html><body></body></html>").score == 0.0


def test_score_grows_with_the_article() -> None:
    paragraphs = [
        f"<p>The {n} paragraph of the story, with a comma, and enough words to count as prose.</p>"
        for n in ("first", "second", "third", "fourth", "fifth")
    ]
    short = declutter.extract(f"<article>{paragraphs[0]}</article>").score
    longer = declutter.extract(f"<article>{''.join(paragraphs)}</article>").score
    assert 0 < short < longer


def test_compressed_page_scores_low() -> None:
    page = snippet_bytes("reuters_parasite.html")
    assert declutter.extract(gzip.compress(page)).score < 0.3
