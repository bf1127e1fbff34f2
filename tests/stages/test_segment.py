"""Stage 4, segment: blocks of text with their features, and the container tree."""

from __future__ import annotations

import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from _helpers import UNLIMITED, block, segment_html
from declutter import _parse, _prune, _segment
from declutter._deadline import NO_DEADLINE
from declutter._segment import Segmentation, segment


def texts(html: str) -> list[str]:
    return [b.text for b in segment_html(html).blocks]


# --- block boundaries -------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<p>One</p><p>Two</p>",
        "<div>One</div><div>Two</div>",
        "<ul><li>One</li><li>Two</li></ul>",
        "<table><tr><td>One</td><td>Two</td></tr></table>",
        "<h2>One</h2><h3>Two</h3>",
        "<p>One</p>Two",
        "One<div>Two</div>",
        "<section>One</section><article>Two</article>",
        "<x-card>One</x-card><x-card>Two</x-card>",  # custom elements are blocks
    ],
)
def test_block_level_elements_separate_blocks(html: str) -> None:
    assert texts(f"<body>{html}</body>") == ["One", "Two"]


@pytest.mark.parametrize(
    "html",
    [
        "<p>One <b>bold</b> <i>it</i> <a href=/>link</a> <span>span</span> end</p>",
        "<p>One <code>code</code> <em>em</em> <small>small</small> <time>now</time> end</p>",
    ],
)
def test_inline_elements_stay_in_their_block(html: str) -> None:
    assert len(texts(f"<body>{html}</body>")) == 1


def test_inline_tags_are_counted() -> None:
    seg = segment_html(
        "<body><p>One <b>two</b> <i>three <a href=/>four</a></i> <img src=x></p></body>"
    )
    assert seg.blocks[0].element_count == 3  # b, i, a; an img is not counted


def test_single_br_is_a_line_break_inside_the_block() -> None:
    assert texts("<body><p>Line one<br>line two<br/>line three</p></body>") == [
        "Line one\nline two\nline three"
    ]


@pytest.mark.parametrize("breaks", ["<br><br>", "<br>\n  <br>", "<br/> <br/>", "<br><br><br>"])
def test_double_br_splits_blocks(breaks: str) -> None:
    assert texts(f"<body><div>First part{breaks}Second part</div></body>") == [
        "First part",
        "Second part",
    ]


def test_br_at_the_edges_leaves_no_empty_line() -> None:
    assert texts("<body><p><br>Text<br></p></body>") == ["Text"]


def test_source_newlines_are_spaces() -> None:
    assert texts("<body><p>One\n  two\n\n three</p></body>") == ["One two three"]


def test_source_newlines_inside_chinese_disappear() -> None:
    assert texts("<body><p>这是一个\n    很长的句子。</p></body>") == ["这是一个很长的句子。"]


def test_entities_are_decoded() -> None:
    assert texts("<body><p>Tom &amp; Jerry&nbsp;&mdash; &lt;3</p></body>") == ["Tom & Jerry — <3"]


def test_whitespace_only_text_is_no_block() -> None:
    assert texts("<body><div>  \n </div><p>&nbsp;</p><p>Text</p></body>") == ["Text"]


def test_punctuation_only_text_is_no_block() -> None:
    assert texts("<body><p>* * *</p><p>Text</p></body>") == ["Text"]


# --- measures ---------------------------------------------------------------------------


def test_length_and_punctuation() -> None:
    b = segment_html("<body><p>One two, three. Four!</p></body>").blocks[0]
    assert (b.length, b.punctuation) == (4, 3)


def test_link_text_is_measured() -> None:
    b = segment_html(
        "<body><p>Read <a href=/r>the <b>full</b> report</a> here, now.</p></body>"
    ).blocks[0]
    assert (b.length, b.link_length) == (6, 3)
    assert b.link_ratio == pytest.approx(0.5)


def test_link_text_in_chinese_is_measured() -> None:
    b = segment_html("<body><p>请看<a href=/r>完整报道</a>。</p></body>").blocks[0]
    assert (b.length, b.link_length) == (6, 4)


def test_words_of_adjacent_links_are_measured_one_by_one() -> None:
    b = segment_html(
        "<body><div><a href=/1>river</a> <a href=/2>volunteers</a> "
        "<a href=/3>council</a></div></body>"
    ).blocks[0]
    assert (b.length, b.link_length) == (3, 3)


# --- whitespace in <pre> ----------------------------------------------------------------


def test_pre_keeps_whitespace_and_newlines() -> None:
    html = "<body><pre>def f(x):\n    return  x\n\nf(1)</pre></body>"
    [code] = segment_html(html).blocks
    assert code.text == "def f(x):\n    return  x\n\nf(1)"
    assert code.kind == "code"


def test_pre_keeps_br_as_newline() -> None:
    assert texts("<body><pre>a  b<br>c</pre></body>") == ["a  b\nc"]


def test_pre_drops_blank_leading_and_trailing_lines() -> None:
    assert texts("<body><pre>\n\ncode\n\n</pre></body>") == ["code"]


# --- kinds ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "kind", "level"),
    [
        ("<h1>Text</h1>", "heading", 1),
        ("<h4>Text</h4>", "heading", 4),
        ("<p>Text</p>", "paragraph", 0),
        ("<div>Text</div>", "paragraph", 0),
        ("<ul><li>Text</li></ul>", "list-item", 0),
        ("<ol><li><p>Text</p></li></ol>", "list-item", 0),
        ("<dl><dt>Text</dt></dl>", "list-item", 0),
        ("<dl><dd>Text</dd></dl>", "list-item", 0),
        ("<blockquote>Text</blockquote>", "quote", 0),
        ("<blockquote><p>Text</p></blockquote>", "quote", 0),
        ("<pre>Text</pre>", "code", 0),
        ("<pre><code>Text</code></pre>", "code", 0),
        ("<table><tr><td>Text</td></tr></table>", "cell", 0),
        ("<table><tr><th>Text</th></tr></table>", "cell", 0),
        ("<table><caption>Text</caption><tr><td>x</td></tr></table>", "caption", 0),
        ("<figure><img src=a><figcaption>Text</figcaption></figure>", "caption", 0),
        ("<figure><img src=a><p>Text</p></figure>", "caption", 0),
        ('<div class="caption">Text</div>', "caption", 0),
        ('<div class="wp-caption"><img src=a><p>Text</p></div>', "caption", 0),
        ('<div class="photo"><img src=a><span>Text</span></div>', "caption", 0),
        ("<blockquote><h2>Text</h2></blockquote>", "heading", 2),
    ],
)
def test_kinds(html: str, kind: str, level: int) -> None:
    b = block(segment_html(f"<body>{html}</body>").blocks, "Text")
    assert (b.kind, b.heading_level) == (kind, level)


def test_image_word_on_a_big_box_does_not_make_captions() -> None:
    """An article that merely has a picture in it ("post-image" class) is not a caption."""
    html = (
        '<body><div class="post-image"><img src=a><p>First paragraph.</p>'
        "<p>Second paragraph.</p><p>Third paragraph.</p></div></body>"
    )
    assert {b.kind for b in segment_html(html).blocks} == {"paragraph"}


def test_a_long_paragraph_among_pictures_is_not_their_caption() -> None:
    """A box named for its images around the article's one paragraph and its photos (which
    make no blocks): the paragraph is text; a short line in such a box still is a caption."""
    words = " ".join(["The polish went on in three thin coats, each left to dry."] * 8)
    photos = "".join(f"<p><a href=/{i}><img src={i}.jpg></a></p>" for i in range(6))
    html = f'<body><div class="entry-images"><p>{words}</p>{photos}</div></body>'
    assert block(segment_html(html).blocks, "The polish went on").kind == "paragraph"
    short = f'<body><div class="entry-images"><p>Ice tips, by a reader.</p>{photos}</div></body>'
    assert block(segment_html(short).blocks, "Ice tips").kind == "caption"


# --- text that is never text ------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<script>var secret = 'SECRET';</script>",
        '<script type=\'application/ld+json\'>{"a": "SECRET"}</script>',
        "<style>.SECRET { color: red }</style>",
        "<!-- SECRET comment -->",
        "<noscript>SECRET</noscript>",
        "<template><p>SECRET</p></template>",
        "<svg><text>SECRET</text></svg>",
        "<select><option>SECRET</option></select>",
        "<button>SECRET</button>",
        "<textarea>SECRET</textarea>",
        "<iframe>SECRET</iframe>",
    ],
)
def test_never_text(html: str) -> None:
    seg = segment_html(f"<body><p>Before {html} after.</p><div>{html}</div></body>")
    assert [b.text for b in seg.blocks] == ["Before after."]


def test_head_is_never_text() -> None:
    assert texts("<html><head><title>SECRET</title></head><body><p>Body</p></body></html>") == [
        "Body"
    ]


# --- the container tree -----------------------------------------------------------------


def check_tree(seg: Segmentation) -> None:
    """Every container's block range holds exactly the blocks of its subtree, and its
    subtree is a contiguous range of container ids (document order)."""
    containers, blocks = seg.containers, seg.blocks
    assert [b.index for b in blocks] == list(range(len(blocks)))
    assert containers[0].parent == -1
    assert (containers[0].first, containers[0].end) == (0, len(blocks))
    # subtrees are id ranges [c.id, last[c.id]]: children follow their parent one by one
    last = [c.id for c in containers]
    for c in reversed(containers):
        expected_next = c.id + 1
        for child in c.children:
            assert child == expected_next
            assert containers[child].parent == c.id
            assert containers[child].depth == c.depth + 1
            expected_next = last[child] + 1
        last[c.id] = expected_next - 1
    assert last[0] == len(containers) - 1
    # every block lies in the range of each of its containers...
    for b in blocks:
        cid = b.container
        while cid >= 0:
            assert containers[cid].first <= b.index < containers[cid].end
            cid = containers[cid].parent
    # ...and each range holds no other block
    own = [0] * (len(containers) + 1)
    for b in blocks:
        own[b.container + 1] += 1
    for i in range(1, len(own)):
        own[i] += own[i - 1]
    for c in containers:
        assert c.end - c.first == own[last[c.id] + 1] - own[c.id], f"container {c.id} <{c.tag}>"


def test_container_ranges_on_a_page() -> None:
    html = """<body><div class=page><h1>Title</h1>
    <div class=body>Loose text<p>Para <b>one</b>.</p><ul><li>A</li><li><p>B</p>tail</li></ul>
    <div class=share>Share</div><table><tr><td>Cell</td></tr></table>text after</div>
    <footer>Foot</footer>Last words</div></body>"""
    seg = segment_html(html)
    check_tree(seg)
    by_class = {c.classes: c for c in seg.containers}
    inner = by_class["body"]
    assert [b.text for b in seg.blocks[inner.first : inner.end]] == [
        "Loose text", "Para one.", "A", "B", "tail", "Share", "Cell", "text after",
    ]  # fmt: skip


_TAGS = ["div", "p", "span", "a", "b", "ul", "li", "section", "article", "blockquote", "pre",
         "h2", "td", "figure", "nav"]  # fmt: skip


@st.composite
def html_trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 0))):
        kind = draw(st.sampled_from(["text", "br", "element", "element", "prune"]))
        if kind == "text":
            parts.append(draw(st.sampled_from(["word", " two words ", "中文", "  ", "x, y."])))
        elif kind == "br":
            parts.append("<br>")
        elif kind == "prune":
            parts.append(f"<div class=share>{draw(html_trees(depth + 1))}</div>")
        else:
            tag = draw(st.sampled_from(_TAGS))
            parts.append(f"<{tag}>{draw(html_trees(depth + 1))}</{tag}>")
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_trees())
def test_container_ranges_hold_exactly_their_blocks(html: str) -> None:
    check_tree(segment_html(f"<body>{html}</body>"))


def test_ten_thousand_deep_dom_segments_without_recursion() -> None:
    depth = 10_000
    assert depth > sys.getrecursionlimit()
    html = "<body>" + "<div>" * depth + "<p>Deep text.</p>" + "</div>" * depth + "</body>"
    seg = segment_html(html)
    assert [b.text for b in seg.blocks] == ["Deep text."]
    assert seg.blocks[0].depth == depth + 1
    check_tree(seg)


def test_node_limit_cuts_the_walk_and_closes_containers() -> None:
    html = "<body><div>" + "<p>Paragraph text.</p>" * 5000 + "</div></body>"
    tree, _ = _parse.parse(html, UNLIMITED)
    seg = segment(tree.body, plan=_prune.plan(tree), max_nodes=2048, deadline=NO_DEADLINE)
    assert seg.truncated
    assert 0 < len(seg.blocks) < 5000
    check_tree(seg)


def test_no_limit_hit_is_not_truncated() -> None:
    assert not segment_html("<body><p>Text.</p></body>").truncated


# --- normalisation of the text ------------------------------------------------------------


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "python"])
def test_soft_hyphens_are_dropped_and_words_measured_whole(compiled: bool) -> None:
    html = (
        "<body><p>Die Mit&shy;glie&shy;der der <a href=/v>Ver&shy;samm&shy;lung</a> "
        "w\u00e4hlten.</p></body>"
    )
    tree = _parse.parse(html, UNLIMITED)[0]
    only = segment(
        tree.body, plan=_prune.plan(tree), max_nodes=10**9, deadline=NO_DEADLINE, compiled=compiled
    ).blocks[0]
    assert only.text == "Die Mitglieder der Versammlung w\u00e4hlten."
    assert (only.length, only.link_length) == (5, 1)


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "python"])
def test_ruby_readings_are_not_inlined_into_the_text(compiled: bool) -> None:
    html = (
        "<body><p>\u6771\u4eac<ruby>\u6f22<rp>(</rp><rt>\u304b\u3093</rt><rp>)</rp>\u5b57"
        "</ruby>\u3092\u5b66\u3076\u3002</p></body>"
    )
    tree = _parse.parse(html, UNLIMITED)[0]
    only = segment(
        tree.body, plan=_prune.plan(tree), max_nodes=10**9, deadline=NO_DEADLINE, compiled=compiled
    ).blocks[0]
    assert only.text == "\u6771\u4eac\u6f22\u5b57\u3092\u5b66\u3076\u3002"


def test_quietly_skipped_elements_are_those_enter_only_skips() -> None:
    """What the compiled walk skips without calling `enter`: ignored and void elements, but
    a recorded image (its `enter` records it)."""
    plan = _prune.plan(LexborHTMLParser("<p>x</p>"))
    plain = _segment._Walker(plan, 100, NO_DEADLINE, None, frozenset())
    images = _segment._Walker(plan, 100, NO_DEADLINE, None, frozenset(), images=True)
    assert all(plain.skipped_quietly(t) for t in ("script", "style", "img", "input", None))
    assert not any(plain.skipped_quietly(t) for t in ("br", "a", "p", "span", "div"))
    assert not images.skipped_quietly("img") and images.skipped_quietly("script")
