"""Class/id vocabularies (`_vocab`) and the prune stage's verdict on a class string."""

from __future__ import annotations

import pytest

from declutter import _vocab
from declutter._prune import vocabulary_reason
from declutter._vocab import ClassVocabulary, class_tokens

CHROME = ClassVocabulary(
    _vocab.BOILERPLATE_CLASS,
    _vocab.BOILERPLATE_CLASS_PREFIXES,
    _vocab.BOILERPLATE_CLASS_NOT_PREFIXES,
)


@pytest.mark.parametrize(
    ("attribute", "tokens"),
    [
        ("related-posts", ["related", "posts"]),
        ("related_posts", ["related", "posts"]),
        ("relatedPosts", ["related", "posts"]),
        ("RelatedPosts", ["related", "posts"]),
        ("HTMLContent", ["html", "content"]),
        ("post  share\tbar", ["post", "share", "bar"]),
        ("col-md-8", ["col", "md", "8"]),
        ("", []),
    ],
)
def test_class_tokens(attribute: str, tokens: list[str]) -> None:
    assert class_tokens(attribute) == tokens


@pytest.mark.parametrize(
    ("attribute", "match"),
    [
        ("share", "share"),  # whole token
        ("post-share", "share"),
        ("comments", "comments"),  # listed plural
        ("sidebars", "sidebars"),
        ("bylines", "bylines"),  # plural of a listed word
        ("bylinez", None),
        ("breadcrumbs", "breadcrumbs"),
        ("socialIcons", "social"),  # camelCase
        ("read-more", "read-more"),  # hyphen pair
        ("readMore", "read-more"),
        ("read_more", "read-more"),
        ("further-reading", "further-reading"),
        ("sharebar", "sharebar"),  # prefix
        ("relatedposts", "relatedposts"),
        ("relatedstories", "relatedstories"),
        ("commentlist", "commentlist"),
        ("commentary", None),  # excluded prefix
        ("commentator", None),
        ("shared-content", None),
        ("shareholder-letter", None),
        ("more", None),  # half of a pair alone
        ("read", None),
        ("shadow", None),  # "ad" is a token, not a substring
        ("badge", None),
        ("canvas", None),  # "nav" likewise
        ("ad2", None),
        ("header_ad", "ad"),
        ("entry-content", None),
    ],
)
def test_chrome_vocabulary_match(attribute: str, match: str | None) -> None:
    assert CHROME.match(class_tokens(attribute)) == match


def test_match_returns_the_first_word_found() -> None:
    assert CHROME.match(["popular", "share"]) == "popular"


def test_match_of_no_tokens_is_none() -> None:
    assert CHROME.match([]) is None


def test_empty_vocabulary_is_refused() -> None:
    with pytest.raises(ValueError):
        ClassVocabulary(())


def test_vocabulary_without_prefixes_matches_whole_tokens_only() -> None:
    vocabulary = ClassVocabulary(("caption",))
    assert vocabulary.match(["captions"]) == "captions"
    assert vocabulary.match(["captioned"]) is None


@pytest.mark.parametrize(
    "word",
    [
        w
        for w in _vocab.BOILERPLATE_CLASS + _vocab.WEAK_BOILERPLATE_CLASS
        if w != "screen-reader-text"
    ],
)
def test_every_listed_chrome_word_prunes_when_written_alone(word: str) -> None:
    assert vocabulary_reason(word) is not None


def test_screen_reader_text_is_pruned() -> None:
    assert vocabulary_reason("screen-reader-text") is not None


@pytest.mark.parametrize(
    ("attribute", "reason"),
    [
        # a strong chrome word wins even next to a content word
        ("article-comments", "class:comments"),
        ("content-sidebar", "class:sidebar"),
        ("post-share", "class:share"),
        ("entry-meta", "class:meta"),
        # a weak one loses to a content word
        ("main-header", None),
        ("post-footer", None),
        ("page-footer entry", None),
        ("links article", None),
        # and prunes on its own
        ("site-header", "class:header"),
        ("footer", "class:footer"),
        ("utility-links", "class:utility"),
        # no chrome word at all
        ("entry-content", None),
        ("col-md-8", None),
        ("", None),
    ],
)
def test_vocabulary_reason(attribute: str, reason: str | None) -> None:
    found = vocabulary_reason(attribute)
    assert (None if found is None else str(found)) == reason


@pytest.mark.parametrize("word", _vocab.CONTENT_CLASS)
def test_content_words_are_never_chrome_on_their_own(word: str) -> None:
    assert vocabulary_reason(word) is None
