"""Inline formatting (`Options.include_formatting`): bold, italic, code, sub- and superscript
in Markdown and HTML, read back (markdown-it-py for Markdown, lxml for HTML) as the spans
the page had; the body text and the default output never change."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

import declutter
from _pages import read_page
from declutter import Options
from declutter._render import _html
from outputs_helpers import all_kept, commonmark, unsafe_parts

_KIND = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "code": "code", "kbd": "code",
         "tt": "code", "samp": "code", "sub": "sub", "sup": "sup"}  # fmt: skip
PROSE = "with enough words, and commas, to read as prose"


def marks_of(document: str, *, in_order: bool = False) -> list[tuple[str, str]]:
    """(kind, text) of each formatting element of an HTML document or fragment, whitespace
    collapsed, sorted (two spans over the same text may nest either way) unless `in_order`;
    empty ones and those inside one of their kind left out."""
    root = _parsed(document)
    if root is None:
        return []
    out = []
    for element in root.iter(*_KIND):
        kind = _KIND[element.tag]
        if any(_KIND.get(a.tag) == kind for a in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if text:
            out.append((kind, text))
    return out if in_order else sorted(out)


def text_of(document: str) -> str:
    root = _parsed(document)
    return " ".join(root.text_content().split()) if root is not None else ""


def _parsed(document: str) -> lxml_html.HtmlElement | None:
    """`document` parsed, each ``<br>`` a line break in the text."""
    if not document.strip():
        return None
    root = lxml_html.fragment_fromstring(document, create_parent="div")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return root


def _rendered(page: str) -> tuple[str, str, str]:
    """Markdown of `page` (all blocks kept), that Markdown read by markdown-it, and the HTML
    output's body."""
    article = all_kept(page, include_formatting=True)
    markdown = declutter.render(article, "markdown", metadata=False)
    document = declutter.render(article, "html", metadata=False)
    body = document[document.index("<article>") + 9 : document.index("</article>")]
    return markdown, commonmark().render(markdown), body


HOSTILE = {
    "nested emphasis": f"<p>Some <b>bold and <i>italic inside</i> it</b> here, {PROSE}.</p>",
    "both at once": f"<p><b><i>both at once</i></b> then <i><b>the other way</b></i>, {PROSE}.</p>",
    "nested at the end": f"<p>A <em>x <strong>y</strong></em>, {PROSE}.</p>",
    "stars and underscores": f"<p>Stars * and _under_ and `tick` <b>with *star* and _u_</b> <i>`q`</i>, {PROSE}.</p>",
    "delimiters only": "<p><b>*</b> <i>_</i> <b>**</b> <i>`</i> <b>\\</b> <i>[x](y)</i> <b>&lt;b&gt;</b> end</p>",
    "emphasis over a link": f'<p>See <b>the <a href="https://e.org/x">linked</a> words</b> and <a href="https://e.org/y"><i>all</i> of it</a>, {PROSE}.</p>',
    "emphasis across a link's end": f'<p>A <b>bold <a href="https://e.org/z">link</b> rest</a> after, {PROSE}.</p>',
    "link is all bold": f'<p>A <a href="https://e.org/w"><b>whole</b></a>word and <b><a href="https://e.org/v">all</a></b>, {PROSE}.</p>',
    "empty": f"<p>Empty <b></b> and <i> </i> and <code></code> stay out, {PROSE}.</p>",
    "edge whitespace": f"<p>Edge<em> x </em>spaces and <b> bold words </b>, {PROSE}.</p>",
    "code with backticks": f"<p>Code <code>a`b</code> and <code>``</code> and <code>`start</code> and <code>x|y</code>, {PROSE}.</p>",
    "code with markup characters": f"<p>Code <code>*a* _b_ &lt;i&gt; [c](d) \\e</code>, {PROSE}.</p>",
    "intraword": f'<p>Un<b>believ</b>able and foo<i>"bar"</i>baz and <b>"quoted"</b> and x<b>.</b>y, {PROSE}.</p>',
    "punctuation edges": f"<p>(<b>paren</b>) and <i>!</i>! and a<b>-b-</b>c and <b>€5</b>x, {PROSE}.</p>",
    "sub and sup": f"<p>H<sub>2</sub>O and e=mc<sup>2</sup> and x<sub>i</sub><sup>n</sup>, {PROSE}.</p>",
    "adjacent kinds": f"<p><i>a</i><b>b</b> and <b>c</b><i>d</i> and <i>e</i><code>f</code>, {PROSE}.</p>",
    "cjk": "<p>中文<b>粗体</b>中文，<b>「引用」</b>的文字，<i>斜体</i>。这是一段足够长的中文段落，用来测试格式。</p>",
    "line break inside": f"<p><b>first line<br>second line</b> and <i>a<br></i>b, {PROSE}.</p>",
    "line starts": f"<p>x<br><b># not a heading</b><br><i>1. not a list</i><br><b>- nor this</b>, {PROSE}.</p>",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_markdown_reads_back_as_the_pages_formatting(name: str) -> None:
    markdown, rendered, body = _rendered(HOSTILE[name])
    expected = marks_of(HOSTILE[name])
    assert marks_of(rendered) == expected, markdown
    assert marks_of(body) == expected, body
    assert text_of(rendered) == text_of(body) == text_of(HOSTILE[name]), markdown


def test_simple_formatting_uses_markdown_syntax() -> None:
    markdown, _, _ = _rendered(
        f"<p>Some <b>bold</b>, <i>italic</i> and <code>code</code>, {PROSE}.</p>"
    )
    assert markdown == f"Some **bold**, *italic* and `code`, {PROSE}.\n"


def test_code_holds_no_other_formatting() -> None:
    markdown, rendered, body = _rendered(f"<p>Run <code>make <b>all</b></code> now, {PROSE}.</p>")
    assert marks_of(rendered) == marks_of(body) == [("code", "make all")]
    assert "`make all`" in markdown


def test_touching_spans_of_a_kind_merge() -> None:
    _, rendered, body = _rendered(f"<p>One <b>bo</b><strong>ld</strong> word, {PROSE}.</p>")
    assert marks_of(rendered) == marks_of(body) == [("bold", "bold")]


@pytest.mark.parametrize(
    "tag, kind", [("h2", "heading"), ("li", "item"), ("td", "cell"), ("figcaption", "caption")]
)
def test_formatting_in_headings_items_cells_and_captions(tag: str, kind: str) -> None:
    inner = "A <b>bold</b> and <i>italic</i> and <code>a|b</code> part"
    pages = {
        "heading": f"<h2>{inner}</h2><p>Text {PROSE}.</p>",
        "item": f"<ul><li>{inner}</li><li>another item</li></ul>",
        "cell": f"<table><tr><th>{inner}</th><th>h</th></tr><tr><td>1</td><td>2</td></tr></table>",
        "caption": f'<figure><img src="https://e.org/i.png"><figcaption><b>{inner}</b> <i>x</i></figcaption></figure>',
    }
    page = pages[kind]
    markdown, rendered, body = _rendered(page)
    assert marks_of(body) == marks_of(page), body
    if (
        kind == "caption"
    ):  # Markdown writes a caption in italics: what was italic in it is inside them
        expected = [m for m in marks_of(page) if m[0] != "italic"] + [
            ("italic", "A bold and italic and a|b part x")
        ]
        assert marks_of(rendered) == sorted(expected), markdown
    else:
        assert marks_of(rendered) == marks_of(page), markdown


_TEXT = st.sampled_from(["a", "b c", " ", "*", "**", "_", "`", "``", "\\", "[", "]", "(x)", "!", "<", "&amp;",
                         "1.", "# ", "-", "|", "é", "中", "“", "€", ".", "a_b", "x*y"])  # fmt: skip
_TAGS = st.sampled_from(
    ["b", "i", "code", "sub", "sup", "em", "strong", 'a href="https://e.org/l"']
)
_FRAGMENT = st.recursive(
    _TEXT,
    lambda inner: st.one_of(
        st.tuples(_TAGS, st.lists(inner, min_size=1, max_size=3)).map(
            lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0].split()[0]}>"
        ),
        st.lists(inner, min_size=2, max_size=3).map("".join),
    ),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(_FRAGMENT)
def test_any_formatting_reads_back_as_the_html_output(fragment: str) -> None:
    markdown, rendered, body = _rendered(f"<p>{fragment}</p>")
    assert marks_of(rendered) == marks_of(body), (fragment, markdown)
    assert text_of(rendered) == text_of(body), (fragment, markdown)


@pytest.mark.parametrize(
    "fragment",
    ['<b><b>!</b><a href="https://x.example/">a</a></b>', 'Hi!<a href="https://x.example/">a</a>'],
)
def test_an_exclamation_mark_before_a_link_stays_text(fragment: str) -> None:
    """``!`` then ``[a](url)`` would read back as an image; hypothesis found the first one."""
    markdown, rendered, body = _rendered(f"<p>{fragment}</p>")
    assert "\\![" in markdown and "<img" not in rendered
    assert marks_of(rendered) == marks_of(body) and text_of(rendered) == text_of(body)


_REAL = [
    "trafilatura-dev/html/gregoryszorc.com.python3.html.gz",
    "trafilatura-dev/html/en.wikipedia.org.tsne.html.gz",
    "trafilatura-dev/html/baechli-bergsport.ch-lawinen.html.gz",
    "scrapinghub/html/5f03fc173ebc6abdfae50b96ce0b05a6137b7d3f2ef379be35a9bb8ca9f49e87.html.gz",
]


@pytest.mark.parametrize("path", _REAL)
def test_real_pages_keep_their_formatting(path: str) -> None:
    page = read_page(f"fixtures/bench/{path}")
    plain = declutter.extract(page, options=Options(include_links=True))
    article = declutter.extract(page, options=Options(include_links=True, include_formatting=True))
    assert article.body == plain.body
    assert [b.text for b in article.blocks] == [b.text for b in plain.blocks]
    markdown = declutter.render(article, "markdown", metadata=False)
    document = declutter.render(article, "html", metadata=False)
    rendered = marks_of(commonmark().render(markdown))
    assert len(rendered) >= 10
    assert rendered == marks_of(document)
    # every span is one the page has (or a run of touching ones, merged)
    source = "".join(
        text for _, text in marks_of(page.decode("utf-8", "replace"), in_order=True)
    ).replace(" ", "")
    assert all(text.replace(" ", "") in source for _, text in rendered)
    assert (
        unsafe_parts(document, tags=_html.ALLOWED_TAGS, attributes=_html.ALLOWED_ATTRIBUTES) == []
    )


def test_without_the_option_the_output_is_as_before() -> None:
    """The marks are all the option adds: the same article without them renders exactly as
    an extraction without the option."""
    page = read_page(f"fixtures/bench/{_REAL[0]}")
    plain = declutter.extract(page, options=Options(include_links=True))
    formatted = declutter.extract(
        page, options=Options(include_links=True, include_formatting=True)
    )
    unmarked = replace(formatted, blocks=tuple(b._replace(marks=()) for b in formatted.blocks))
    for fmt in ("markdown", "html", "text", "json"):
        assert declutter.render(unmarked, fmt) == declutter.render(plain, fmt)  # type: ignore[arg-type]
    assert not any(b.marks for b in plain.blocks)


def test_marks_point_into_the_block_text() -> None:
    article = declutter.extract(
        f"<article><p>Plain &shy;soft\u00ad<b>bo\u00adld</b> and\x07 <i>it\x1balic</i>, {PROSE}.</p></article>",
        options=Options(include_formatting=True),
    )
    block = next(b for b in article.blocks if b.kept)
    assert [(m.kind, block.text[m.start : m.end]) for m in block.marks] == [
        ("bold", "bold"),
        ("italic", "italic"),
    ]
    assert Counter(k for k in block.to_dict()["marks"][0]) == Counter(("kind", "start", "end"))
