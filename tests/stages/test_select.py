"""Stage 5b, select: the article region and the kept/dropped decision of every block."""

from __future__ import annotations

import pytest

from _helpers import block, kept_texts, segment_html, select_html
from _pages import snippet_bytes
from declutter import _score, _select
from declutter._options import DEFAULT_OPTIONS

P1 = (
    "<p>The first paragraph of the story explains, in plain words, what happened and why it "
    "matters.</p>"
)
P2 = (
    "<p>The second paragraph adds detail, quotes a witness, and closes the first part of the "
    "story.</p>"
)
P3 = (
    "<p>The third paragraph gives background, with dates, names and places that matter to "
    "readers.</p>"
)
STORY = P1 + P2 + P3
FIRST, SECOND, THIRD = "The first paragraph", "The second paragraph", "The third paragraph"


def reasons(html: str, **changes: object) -> dict[str, tuple[bool, str]]:
    """(kept, reason) by block text, after one select pass over `html`."""
    seg, _ = select_html(html, DEFAULT_OPTIONS.replace(**changes))
    return {b.text: (b.kept, b.reason) for b in seg.blocks}


# --- the region -------------------------------------------------------------------------


def test_best_container_is_the_story() -> None:
    seg, selection = select_html(
        '<body><ul class="menu-items"><li><a href=/>Home</a></li><li><a href=/n>News</a></li></ul>'
        f'<div class="text">{STORY}</div></body>'
    )
    assert seg.containers[selection.best].classes == "text"
    assert kept_texts(seg.blocks) == [P1[3:-4], P2[3:-4], P3[3:-4]]


def test_empty_page_selects_nothing() -> None:
    seg = segment_html("<body></body>")
    _score.score_blocks(seg, DEFAULT_OPTIONS)
    ranking = _score.score_containers(seg, DEFAULT_OPTIONS)
    assert _select.select(seg, ranking, DEFAULT_OPTIONS) == _select.Selection(-1, [], 0.0)


def test_sibling_with_a_good_score_joins() -> None:
    """An article split over two containers."""
    seg, _ = select_html(
        f'<body><div class="page"><div class="a">{STORY}</div>'
        f'<div class="b">{STORY}</div></div></body>'
    )
    assert all(b.kept for b in seg.blocks)


def test_low_scoring_or_link_dense_siblings_stay_out() -> None:
    result = reasons(
        '<body><div class="page"><div class="intro"><p>A short intro line here.</p></div>'
        f'<div class="text">{STORY}</div><div class="teasers">'
        "<p><a href=/1>Some teaser link one, here</a></p><p><a href=/2>Teaser two, here</a></p>"
        "</div></div></body>"
    )
    assert result["A short intro line here."] == (False, "outside-article")
    assert result["Some teaser link one, here"] == (False, "outside-article")
    assert result[P1[3:-4]] == (True, "content")


def test_loose_paragraph_of_the_parent_joins() -> None:
    result = reasons(
        '<body><div class="page">Loose text held by the page container itself, long enough to '
        f'count as a paragraph, with a comma.<div class="text">{STORY}</div>'
        "Short loose</div></body>"
    )
    loose = (
        "Loose text held by the page container itself, long enough to count as a paragraph, "
        "with a comma."
    )
    assert result[loose] == (True, "content")
    assert result["Short loose"][0] is False


def test_inside_an_article_every_sibling_that_is_not_link_dense_joins() -> None:
    """The author put it in the <article>; outside one, the same sibling stays out."""
    inner = (
        '<div class="intro"><p>A short intro line, for the story.</p></div>'
        f'<div class="text">{STORY}</div>'
    )
    in_article = reasons(f"<body><article>{inner}</article></body>")
    in_div = reasons(f'<body><div class="page">{inner}</div></body>')
    assert in_article["A short intro line, for the story."] == (True, "content")
    assert in_div["A short intro line, for the story."] == (False, "outside-article")


def test_region_climbs_levels_up_to_the_article() -> None:
    html = (
        '<body><article><div class="deck"><p>A deck line, two levels up, in the article.</p></div>'
        f'<div class="wrap"><div class="x"><div class="text">{STORY}</div>'
        '<div class="y"><p>A side note, one level up, in the article.</p></div></div></div>'
        "</article><p>A paragraph after the article, outside of it, with commas.</p></body>"
    )
    result = reasons(html)
    assert result["A deck line, two levels up, in the article."] == (True, "content")
    assert result["A side note, one level up, in the article."] == (True, "content")
    assert (
        result["A paragraph after the article, outside of it, with commas."][1] == "outside-article"
    )


def test_nested_article_is_excluded() -> None:
    result = reasons(
        f"<body><article>{STORY}<h3>Read next</h3><article><p>Council approves new budget, "
        "with more money for roads, parks and schools.</p></article></article></body>"
    )
    assert result["Council approves new budget, with more money for roads, parks and schools."] == (
        False,
        "nested-article",
    )


def test_sections_marked_as_articles_are_read_with_the_best_one() -> None:
    """An article built of <article class=section>s: the best section's like are its
    siblings in the same composition, not teasers; a card of another kind still is one."""
    section = '<article class="section"><h2>Part {0}</h2><p>{1}</p></article>'
    parts = "".join(
        section.format(n, text)
        for n, text in enumerate(
            (
                "Part one of the guide explains, in plain words, what the job needs and why.",
                "Part two of the guide lists the tools, the materials, and what each one costs.",
                (
                    "Part three of the guide walks through the steps, one by one, with the pitfalls "
                    "that catch most people, the checks that find them early, and the fixes."
                ),
            )
        )
    )
    card = (
        '<article class="teaser"><p>Another guide, on tiling, with pictures of every step, '
        "the tools it needs, and the mistakes that ruin a floor.</p></article>"
    )
    result = reasons(f"<body><article><div>{parts}{card}</div></article></body>")
    assert result[
        "Part one of the guide explains, in plain words, what the job needs and why."
    ] == (
        True,
        "content",
    )
    assert result[
        "Another guide, on tiling, with pictures of every step, the tools it needs, and the "
        "mistakes that ruin a floor."
    ] == (False, "nested-article")


def test_sibling_article_is_not_part_of_the_body() -> None:
    """A second <article> next to the chosen one is another composition."""
    other = "<p>Another story, in an article of its own, next to the first one on the page.</p>"
    seg, selection = select_html(
        f"<body><main><article>{STORY}</article><article>{other}</article></main></body>"
    )
    assert seg.containers[selection.best].tag == "article"
    assert kept_texts(seg.blocks) == [P1[3:-4], P2[3:-4], P3[3:-4]]


# --- block classes ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def bridge() -> dict[str, tuple[bool, str]]:
    return reasons(snippet_bytes("bridge_article.html").decode())


@pytest.mark.parametrize(
    ("text", "kept", "reason"),
    [
        ("Bridge reopens after two years of repairs", False, "headline"),
        ("By Jane Doe", False, "metadata-line"),
        ("12 May 2024, 09:30", False, "metadata-line"),
        ("The bridge at dawn, seen from the north bank.", False, "caption"),
        ("Why now?", True, "short-between-content"),
        ("See also: our report from the day the bridge closed", False, "link-dense"),
        ("What changes for drivers", True, "heading"),
        ("Read next", False, "heading-without-text"),
        ("Share this article", False, "label"),
    ],
)
def test_block_classes(
    bridge: dict[str, tuple[bool, str]], text: str, kept: bool, reason: str
) -> None:
    assert bridge[text] == (kept, reason)


def test_paragraphs_are_content(bridge: dict[str, tuple[bool, str]]) -> None:
    paragraphs = [t for t in bridge if t.endswith(("traffic.", "said.", "explained."))]
    assert len(paragraphs) == 4
    assert {bridge[t] for t in paragraphs} == {(True, "content")}


def test_include_captions_keeps_captions() -> None:
    result = reasons(snippet_bytes("bridge_article.html").decode(), include_captions=True)
    assert result["The bridge at dawn, seen from the north bank."] == (True, "content")


def _essay(captions: int, paragraphs: int) -> str:
    figures = "".join(
        f'<div class="wp-caption"><img src={i}.jpg><p class="wp-caption-text">The parade '
        f"reached the harbour at dusk, float {i} lit by a thousand paper lanterns.</p></div>"
        for i in range(captions)
    )
    prose = "".join(
        f"<p>The council met on Tuesday and voted, after a long debate, on item {i} of the "
        "plan to rebuild the bridge before the autumn.</p>"
        for i in range(paragraphs)
    )
    return f"<body><div class=entry><p>Here are the best moments of the night.</p>{prose}{figures}</div></body>"


def test_a_photo_essay_keeps_the_captions_that_tell_it() -> None:
    seg, _ = select_html(_essay(captions=6, paragraphs=0))
    lantern = block(seg.blocks, "The parade reached the harbour at dusk, float 3")
    assert (lantern.kept, lantern.reason) == (True, "photo-essay-caption")


def test_an_article_with_pictures_drops_their_captions() -> None:
    seg, _ = select_html(_essay(captions=3, paragraphs=6))
    lantern = block(seg.blocks, "The parade reached the harbour at dusk, float 1")
    assert (lantern.kept, lantern.reason) == (False, "caption")


def test_h1_inside_the_region_is_never_body() -> None:
    """Any <h1> is a headline, even one that does not repeat the <title>."""
    result = reasons(f'<body><div class="text"><h1>Some headline</h1>{STORY}</div></body>')
    assert result["Some headline"] == (False, "headline")


def test_copyright_line_at_the_end_is_metadata() -> None:
    result = reasons(
        f'<body><div class="text">{STORY}<p>Copyright 2024 Springfield Gazette</p></div></body>'
    )
    assert result["Copyright 2024 Springfield Gazette"] == (False, "metadata-line")


def test_dated_sentence_at_the_edge_is_text() -> None:
    result = reasons(
        f'<body><div class="text"><p>On 12 May 2024 it opened.</p>{STORY}</div></body>'
    )
    assert result["On 12 May 2024 it opened."] == (True, "content")


def test_short_heading_between_paragraphs_is_kept() -> None:
    result = reasons(f'<body><div class="text">{P1}<h2>Background</h2>{P2}</div></body>')
    assert result["Background"] == (True, "heading")


_SHARE = '<div class="share">Liked the article? Share it with your friends</div>'
_DEK = "Twice she left empty-handed this winter, but in the last race she finally won"


def test_a_long_heading_before_the_text_is_kept_across_a_share_box() -> None:
    html = f'<body><div class="text"><h2>{_DEK}</h2>{_SHARE}{STORY}</div></body>'
    assert reasons(html)[_DEK] == (True, "heading")
    short = f'<body><div class="text">{STORY}<h3>Other stories</h3>{_SHARE}{P2}</div></body>'
    assert reasons(short)["Other stories"] == (False, "heading-without-text")


def test_long_block_with_some_links_is_kept() -> None:
    links = " ".join(f"word{i}" for i in range(30))
    text = f"Links: {links} and a few more words outside the link, to keep it long enough here."
    para = (
        f'<p>Links: <a href="/l">{links}</a> and a few more words outside the link, to keep it '
        "long enough here.</p>"
    )
    result = reasons(f'<body><div class="text">{STORY}{para}</div></body>')
    assert result[text] == (True, "content")


def test_lenient_mode_keeps_every_block_of_the_region() -> None:
    seg = segment_html(
        '<body><div class="list"><h2><a href=/1>First teaser</a></h2><p>2 hours ago</p>'
        "<h2><a href=/2>Second teaser</a></h2><p>3 hours ago</p></div></body>"
    )
    lenient = DEFAULT_OPTIONS.replace(
        link_weight=0.0, block_cost=0.0, prose_punctuation_rate=0.0, count_link_text=True
    )
    _score.score_blocks(seg, lenient)
    ranking = _score.score_containers(seg, lenient)
    _select.select(seg, ranking, lenient, lenient=True)
    assert {(b.kept, b.reason) for b in seg.blocks} == {(True, "fallback")}


# --- the lead extension -----------------------------------------------------------------

LEAD = (
    '<div class="head"><div class="standfirst">'
    "<p>A short lead, in its own box, opens the story.</p></div></div>"
)
LEAD_TEXT = "A short lead, in its own box, opens the story."
PLAIN_LEAD = LEAD.replace(
    'class="standfirst"', 'class="box"'
)  # no class hint: only the extension takes it
BODY = f'<div class="main"><div class="text">{STORY}</div></div>'


def test_lead_paragraph_in_its_own_box_extends_the_article() -> None:
    assert reasons(f"<body>{LEAD}{BODY}</body>")[LEAD_TEXT] == (True, "extension")


def test_extension_steps_over_a_small_pruned_block() -> None:
    result = reasons(f'<body>{LEAD}<div class="share"><a href=/t>Tweet</a></div>{BODY}</body>')
    assert result[LEAD_TEXT] == (True, "extension")


def test_extension_keeps_a_short_line_between_lead_and_body() -> None:
    result = reasons(f"<body>{LEAD}<div><p>Subhead one</p></div>{BODY}</body>")
    assert result["Subhead one"] == (True, "between-extension")
    assert result[LEAD_TEXT] == (True, "extension")


def test_extension_steps_over_a_read_more_link() -> None:
    link = "<div><p><a href=/1>Read more: the earlier story</a></p></div>"
    result = reasons(f"<body>{LEAD}{link}{BODY}</body>")
    assert result[LEAD_TEXT] == (True, "extension")
    assert result["Read more: the earlier story"][0] is False


@pytest.mark.parametrize(
    "barrier",
    [
        '<div class="related"><p>Other stories people have read today on this site</p></div>',
        "<h1>Headline of the page</h1>",
        (
            "<div><p><a href=/1>A link line that is all link text, and long enough to be a "
            "list of other stories rather than a pointer</a></p></div>"
        ),
        "<div><h2>Sub</h2><p>Short line</p><p>Third</p></div>",  # more short blocks than the gap
    ],
    ids=["pruned-region", "h1", "link-dense", "long-gap"],
)
def test_extension_stops_at_a_barrier(barrier: str) -> None:
    result = reasons(f"<body>{PLAIN_LEAD}{barrier}{BODY}</body>")
    assert result[LEAD_TEXT] == (False, "outside-article")


def test_extension_needs_the_body_tag() -> None:
    """A lead in a <div> does not continue a body of <p>s; named a standfirst, it is one."""
    lead = (
        '<div class="head"><div class="box">'
        "A short lead, in its own box, opens the story.</div></div>"
    )
    assert reasons(f"<body>{lead}{BODY}</body>")[LEAD_TEXT] == (False, "outside-article")
    named = lead.replace('class="box"', 'class="standfirst"')
    assert reasons(f"<body>{named}{BODY}</body>")[LEAD_TEXT] == (True, "lead")


@pytest.mark.parametrize(
    "barrier",
    [
        '<div class="related"><p>Other stories people have read today on this site</p></div>',
        ("<div><p><a href=/1>A link line that is all link text, and long enough to be a "
        "list of other stories rather than a pointer</a></p></div>"),
    ],
    ids=["pruned-region", "link-dense"],
)  # fmt: skip
def test_a_lead_is_not_looked_for_past_a_barrier(barrier: str) -> None:
    result = reasons(f"<body>{LEAD}{barrier}<p>By Jane Doe</p>{BODY}</body>")
    assert result[LEAD_TEXT] == (False, "outside-article")


def test_the_extension_walks_back_only() -> None:
    """What follows the body in another box (a disclaimer, a pitch) is not carried on."""
    tail = (
        '<div class="tail"><div class="closing">'
        "<p>A short coda, in its own box, ends the story.</p></div></div>"
    )
    result = reasons(f"<body>{BODY}{tail}</body>")
    assert result["A short coda, in its own box, ends the story."] == (False, "outside-article")


def test_headline_is_passed_in_and_never_kept() -> None:
    html = (
        "<html><head><title>Some headline text</title></head><body><div class=text>"
        f"<h2>Some headline text</h2>{STORY}</div></body></html>"
    )
    seg, _ = select_html(html)
    assert (block(seg.blocks, "Some headline").kept, block(seg.blocks, "Some headline").reason) == (
        False,
        "headline",
    )


# --- the same structure outside the region ----------------------------------------------

_TAIL = (
    "<p>After the break the story goes on: the council met again on Friday, and the vote "
    "was postponed once more.</p>"
)
_AD = '<div class="promo"><a href=/ad>Lock in rates for a year with our programme</a></div>'


def _split_story(tail_box: str) -> str:
    """A long story, a sponsor box, and the story's last paragraph in a box of its own that
    scores too little to join as a sibling."""
    return (
        f'<body><div class="page"><div class="story">{STORY * 3}</div>{_AD}{tail_box}</div></body>'
    )


def _tail(html: str, **changes: object) -> tuple[bool, str]:
    got = reasons(html, **changes)
    return next(v for t, v in got.items() if t.startswith("After the break"))


def test_text_built_like_the_region_after_an_ad_box_joins() -> None:
    html = _split_story(f'<div class="story">{_TAIL}</div>')
    assert _tail(html) == (True, "same-structure")
    assert _tail(html, structure_min_share=1.1) == (False, "outside-article")


def test_text_built_otherwise_does_not_join() -> None:
    assert _tail(_split_story(f'<div class="comment">{_TAIL}</div>'))[0] is False


def test_same_structure_stops_at_the_next_story_headline() -> None:
    html = _split_story(f'<h1>Another story</h1><div class="story">{_TAIL}</div>')
    assert _tail(html)[0] is False


def test_an_article_body_split_by_an_inline_box_joins_whole() -> None:
    """Each part of the split body carries itemprop=articleBody: parts of one story, not
    two compositions; the first part joins the region the tree gave the second."""
    part = '<div class="articleBody" itemprop="articleBody">{}</div>'
    inline = '<div class="inline"><h6>Interactive map</h6><p>Territorial claims</p></div>'
    html = (
        f'<body><div class="article"><h1>Nations at impasse</h1>{part.format(_TAIL)}'
        f"{inline}{part.format(STORY * 3)}</div></body>"
    )
    assert _tail(html) == (True, "same-structure")
    other = html.replace(f"{part.format(_TAIL)}", f"<article>{part.format(_TAIL)}</article>")
    assert _tail(other)[1] != "same-structure"  # in an <article> of its own: another story


# --- the lead ---------------------------------------------------------------------------

_LEAD = "Heavy rain and strong winds hit the coast on Monday as the storm moved north"
_BYLINE = "<p>By Jane Doe</p><p>March 4, 2024</p>"


def _headed_story(header: str, between: str = _BYLINE) -> str:
    return (
        "<html><head><title>Storm hits the coast - The Daily</title></head><body>"
        f'<div class="top">{header}</div>{between}<div class="text">{STORY * 3}</div></body></html>'
    )


def _lead(html: str) -> tuple[bool, str]:
    return reasons(html)[_LEAD]


def test_a_lead_between_headline_and_body_is_kept() -> None:
    assert _lead(_headed_story(f"<h1>Storm hits the coast</h1><p>{_LEAD}</p>")) == (True, "lead")


def test_a_lead_named_by_its_class_is_kept_without_a_headline() -> None:
    assert _lead(_headed_story(f'<p class="article-lead">{_LEAD}</p>')) == (True, "lead")
    nested = f'<div class="chapo"><div><p>{_LEAD}</p></div></div>'  # the class two levels up
    assert _lead(_headed_story(nested)) == (True, "lead")
    assert _lead(_headed_story(f"<p>{_LEAD}</p>"))[0] is False


def test_the_lead_walk_steps_over_a_pruned_byline() -> None:
    """Most article templates print the byline box between the standfirst and the body;
    pruned by its class, it is not a barrier, while a pruned box of other text still is."""
    header = f"<h1>Storm hits the coast</h1><p>{_LEAD}</p>"
    byline = '<div class="byline">By Jane Doe, March 4, 2024 5:14 AM</div>'
    assert _lead(_headed_story(header, byline)) == (True, "lead")
    other = '<div class="related">Other stories people have read today on this site</div>'
    assert _lead(_headed_story(header, other))[0] is False


def test_text_above_the_headline_or_far_from_the_body_is_no_lead() -> None:
    above = _headed_story(f"<p>{_LEAD}</p><h1>Storm hits the coast</h1>")
    assert _lead(above)[0] is False
    far = _headed_story(f'<h1>Storm hits the coast</h1><p class="lead">{_LEAD}</p>', _BYLINE * 4)
    assert _lead(far)[0] is False


# --- short runs next to the text ----------------------------------------------------------

_AGEING = (
    "<table><tr><th>Vino de Crianza</th><th>Reserva</th><th>Gran Reserva</th></tr>"
    "<tr><td>24 Monate</td><td>36 Monate</td><td>60 Monate</td></tr></table>"
)


def test_a_table_of_short_cells_after_the_text_is_kept_whole() -> None:
    result = reasons(f'<body><div class="text">{STORY}{_AGEING}</div></body>')
    assert result["Reserva"] == (True, "short-table-cell")
    assert result["60 Monate"] == (True, "short-table-cell")


def test_a_few_short_cells_at_the_edge_stay_dropped() -> None:
    small = "<table><tr><th>Reserva</th><td>36 Monate</td></tr></table>"
    result = reasons(f'<body><div class="text">{STORY}{small}</div></body>')
    assert result["Reserva"] == (False, "short-at-edge")
    assert reasons(
        f'<body><div class="text">{STORY}{_AGEING}</div></body>', short_table_min_cells=7
    )["Reserva"] == (False, "short-at-edge")


def _closing(line: str, after: str = "") -> tuple[bool, str]:
    html = f'<body><div class="post">{STORY}<p>{line}</p></div>{after}</body>'
    return reasons(html)[line]


def test_a_closing_remark_after_the_last_paragraph_is_kept() -> None:
    assert _closing("Be there or be square!") == (True, "short-closing-line")
    assert _closing("XX, Die Redaktion") == (True, "short-closing-line")


def test_labels_prompts_and_lines_in_another_box_are_no_closing_remark() -> None:
    assert _closing("Weitere Informationen:")[0] is False
    assert _closing("Schon gelesen?")[0] is False
    assert _closing("FRAGEN AN DEN AUTOR")[0] is False
    boxed = (
        f'<body><div class="post">{STORY}<div class="tail"><p>Happy Monday!</p></div></div></body>'
    )
    assert reasons(boxed)["Happy Monday!"] == (False, "short-at-edge")


@pytest.mark.parametrize(
    "line",
    [
        "For breaking news updates download our apps for iOS and Android.",
        "Watch more on our YouTube channel!",
        "Das Thema könnte dich auch interessieren:",
        "If you enjoyed reading this post, would you consider supporting our work?",
    ],
)
def test_an_app_channel_or_read_also_line_closing_the_article_is_dropped(line: str) -> None:
    result = reasons(f'<body><div class="post">{STORY}<p>{line}</p></div></body>')
    assert result[line] == (False, "call-to-action")


def test_a_last_paragraph_that_mentions_an_app_is_text() -> None:
    line = "The app crashed twice during the test, and the makers promised a fix by May."
    assert reasons(f'<body><div class="post">{STORY}<p>{line}</p></div></body>')[line] == (
        True,
        "content",
    )
