"""The readers' comments (`Options.include_comments`) in Markdown and HTML: a section after
the body, each comment with its author and date, escaped like the rest; the body unchanged."""

from __future__ import annotations

from lxml import html as lxml_html

import declutter
from _pages import read_page
from declutter import Article, Comment, Options
from declutter._render import _html
from outputs_helpers import commonmark, unsafe_parts

PAGE = "fixtures/bench/trafilatura-dev/html/elavegan.com-Peanut.html.gz"
"""A recipe blog with 18 comments, each signed with a name and a date."""


def _both(page: bytes) -> tuple[Article, Article]:
    plain = declutter.extract(page, options=Options(include_links=True))
    with_comments = declutter.extract(
        page, options=Options(include_links=True, include_comments=True)
    )
    return plain, with_comments


def _sections(tokens: list, title: str = "Comments") -> tuple[list, list]:  # type: ignore[type-arg]
    """The tokens before and after the comments heading (a level-2 heading `title`)."""
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2" and tokens[i + 1].content == title:
            return tokens[:i], tokens[i + 3 :]
    return tokens, []


def _comments_in_markdown(markdown: str) -> list[tuple[str, list[str]]]:
    """(signature, paragraphs) of each comment the Markdown's comments section holds."""
    _, section = _sections(commonmark().parse(markdown))
    out: list[tuple[str, list[str]]] = []
    depth = 0
    for i, token in enumerate(section):
        depth += token.nesting if token.type.startswith("blockquote") else 0
        if token.type == "inline" and depth == 0:
            out.append((_plain(token), []))
        elif token.type == "inline":
            out[-1][1].append(_plain(token))
        elif token.type == "blockquote_open" and depth == 1 and (not out or out[-1][1]):
            out.append(("", []))  # an unsigned comment
    return out


def _plain(token) -> str:  # type: ignore[no-untyped-def]
    """The text of an inline token, as read (markup left out)."""
    return "".join(
        c.content if c.type in ("text", "code_inline") else "" for c in token.children or []
    )


def _signature(comment: Comment) -> str:
    return ", ".join(p for p in (comment.author, comment.date) if p)


def test_markdown_lists_the_comments_after_the_body() -> None:
    plain, article = _both(read_page(PAGE))
    assert article.body == plain.body and len(article.comments) == 18
    markdown = declutter.render(article, "markdown")
    assert markdown.startswith(
        declutter.render(plain, "markdown").rstrip("\n") + "\n\n## Comments\n\n"
    )
    read_back = _comments_in_markdown(markdown)
    assert read_back == [(_signature(c), c.text.split("\n")) for c in article.comments]
    tokens = commonmark().parse(markdown)
    bold = [
        t.children[i + 1].content for t in _sections(tokens)[1] if t.type == "inline"
        for i, c in enumerate(t.children) if c.type == "strong_open"
    ]  # fmt: skip
    assert bold == [c.author for c in article.comments]


def test_html_lists_the_comments_in_a_section_after_the_body() -> None:
    plain, article = _both(read_page(PAGE))
    document = declutter.render(article, "html")
    assert (
        unsafe_parts(document, tags=_html.ALLOWED_TAGS, attributes=_html.ALLOWED_ATTRIBUTES) == []
    )
    before = declutter.render(plain, "html")
    assert document.startswith(before[: before.index("</article>")])
    (section,) = lxml_html.document_fromstring(document).iter("section")
    assert section.getparent().tag == "article" and section.getprevious() is not None
    assert section[0].tag == "h2" and section[0].text_content() == "Comments"
    signed = [p for p in section if p.tag == "p"]
    quotes = [q for q in section if q.tag == "blockquote"]
    assert [p.text_content() for p in signed] == [_signature(c) for c in article.comments]
    assert [p.find("b").text_content() for p in signed] == [c.author for c in article.comments]
    assert [[p.text_content() for p in q] for q in quotes] == [
        c.text.split("\n") for c in article.comments
    ]


HOSTILE = (
    Comment(
        "# *not* a heading\n> nor a quote\n1. nor a list <script>alert(1)</script> `x` [a](b)",
        "**Eve_",
        "<i>now</i>",
    ),
    Comment("Unsigned comment, with \x1b[2J control"),
    Comment("Dated only", date="2024-05-02"),
)


def test_hostile_comments_read_back_as_their_text() -> None:
    article = Article(body="The story.", comments=HOSTILE)
    markdown = declutter.render(article, "markdown", metadata=False)
    assert _comments_in_markdown(markdown) == [
        (
            "**Eve_, <i>now</i>",
            [
                "# *not* a heading",
                "> nor a quote",
                "1. nor a list <script>alert(1)</script> `x` [a](b)",
            ],
        ),
        ("", ["Unsigned comment, with [2J control"]),
        ("2024-05-02", ["Dated only"]),
    ]
    rendered = commonmark().render(markdown)
    assert "<script" not in rendered and "<i>" not in rendered and "\x1b" not in markdown
    document = declutter.render(article, "html")
    assert (
        unsafe_parts(document, tags=_html.ALLOWED_TAGS, attributes=_html.ALLOWED_ATTRIBUTES) == []
    )
    assert "\x1b" not in document and "&lt;script&gt;" in document


def test_no_comments_no_section() -> None:
    plain, _ = _both(read_page(PAGE))
    assert plain.comments == ()
    assert "## Comments" not in declutter.render(plain, "markdown")
    assert "<section>" not in declutter.render(plain, "html")
