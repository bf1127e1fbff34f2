"""Stage 5a, score: block scores, container scores, the headline."""

from __future__ import annotations

import pytest

from _helpers import keys, segment_html
from declutter import _score
from declutter._options import DEFAULT_OPTIONS

PROSE = (
    "<p>More than three hundred volunteers gathered on Saturday morning to clear rubbish "
    "from the banks of the river, the largest turnout in the event's history.</p>"
)


def scored(html: str, **changes: object):
    seg = segment_html(f"<body>{html}</body>")
    _score.score_blocks(seg, DEFAULT_OPTIONS.replace(**changes))
    return seg


def container_scores(html: str) -> dict[str, float]:
    """Container score by the ``id`` of its element."""
    seg = scored(html)
    ranking = _score.score_containers(seg, DEFAULT_OPTIONS)
    return {c.classes: ranking.scores[c.id] for c in seg.containers if c.classes}


# --- block scores -----------------------------------------------------------------------


def test_prose_scores_positive() -> None:
    [prose] = scored(PROSE).blocks
    assert prose.score > 10


def test_prose_scores_above_a_list_of_links() -> None:
    seg = scored(
        PROSE + "<ul><li><a href=/1>Council approves new budget for the coming year</a></li>"
        "<li><a href=/2>School opens new library wing after two years</a></li></ul>"
    )
    prose, *links = seg.blocks
    assert all(link.score < 0 for link in links)
    assert prose.score > max(link.score for link in links)


def test_long_run_of_words_without_punctuation_counts_only_in_part() -> None:
    """A tag cloud of 100 words without a comma is not prose."""
    sentence = (
        "More than three hundred volunteers gathered on Saturday morning to clear rubbish "
        "from the banks of the river, the largest turnout in the event's history. "
    )
    words = "river volunteers environment council budget school library sport weather city "
    prose, cloud = scored(f"<p>{sentence * 4}</p><div>{words * 10}</div>").blocks
    assert cloud.length == 100 and prose.length > 100
    assert cloud.score < prose.score / 3


def test_every_block_pays_a_fixed_cost() -> None:
    """Many tiny blocks add up to a negative score even without links."""
    seg = scored("<div>Home</div><div>About us</div><div>Contact</div>")
    assert all(b.score < 0 for b in seg.blocks)


def test_link_text_costs_score() -> None:
    plain, linked = scored(
        "<p>Read the full report on the river cleanup here, today.</p>"
        "<p>Read <a href=/r>the full report on the river cleanup</a> here, today.</p>"
    ).blocks
    assert linked.score < plain.score


def test_count_link_text_option_counts_link_text_as_text() -> None:
    html = "<ul><li><a href=/1>Council approves new budget for the coming year</a></li></ul>"
    [strict] = scored(html).blocks
    [lenient] = scored(html, count_link_text=True, link_weight=0.0).blocks
    assert strict.score < 0 < lenient.score


def test_pruned_blocks_score_zero() -> None:
    seg = scored('<div class="comments"><p>Great article, thanks for writing it.</p></div>')
    assert [(b.kind, b.score) for b in seg.blocks] == [("pruned", 0.0)]


# --- container scores -------------------------------------------------------------------


def test_best_container_is_the_one_holding_the_prose() -> None:
    scores = container_scores(
        '<div id="menu-box"><ul><li><a href=/1>News</a></li>'
        "<li><a href=/2>Sport</a></li></ul></div>"
        f'<div id="story">{PROSE * 3}</div>'
        f'<div id="teasers">{"<p><a href=/x>Another story you may like to read</a></p>" * 5}</div>'
    )
    assert max(scores, key=scores.__getitem__) == "story"
    assert scores["teasers"] <= 0


def test_wrappers_do_not_count_as_levels() -> None:
    """Divs that only wrap one child do not make the score decay: the outermost wrapper
    scores as the container that holds the paragraphs."""
    scores = container_scores(f'<div id="a"><div id="b"><div id="c">{PROSE * 2}</div></div></div>')
    assert scores["a"] == scores["b"] == scores["c"] > 0


def test_non_wrapper_ancestors_get_a_decaying_share() -> None:
    scores = container_scores(
        f'<div id="top"><div id="mid"><div id="text">{PROSE * 2}</div>'
        f'<div id="aside-box">{PROSE}</div></div><p>Loose line.</p></div>'
    )
    assert scores["text"] > 0
    assert 0 < scores["top"] < scores["mid"]


def test_wrappers_function() -> None:
    seg = segment_html(
        f'<body><div id="w"><div id="in">{PROSE}{PROSE}</div></div>'
        f'<div id="two"><div>{PROSE}</div><div>{PROSE}</div></div>'
        f'<div id="direct">Direct text<div>{PROSE}</div></div></body>'
    )
    flags = dict(zip((c.classes for c in seg.containers), _score.wrappers(seg), strict=True))
    assert flags["w"] is True
    assert flags["in"] is False
    assert flags["two"] is False
    assert flags["direct"] is False


def test_scores_stop_at_article() -> None:
    """Each <article> competes on its own text: its score does not climb to a container
    that holds several of them (a list of teasers)."""
    scores = container_scores(
        f'<div id="list"><article id="one">{PROSE}</article>'
        f'<article id="two">{PROSE}</article></div>'
    )
    assert scores["one"] > 0
    assert scores["list"] == 0


def test_link_share_scales_a_container_score_down() -> None:
    link_para = (
        "<p>See <a href=/1>the council's report on the cleanup of the river banks</a>, too.</p>"
    )
    scores = container_scores(
        f'<div id="clean">{PROSE}</div><div id="linky">{PROSE}{link_para}</div>'
    )
    assert scores["linky"] < scores["clean"]


# --- headline ---------------------------------------------------------------------------

HEADLINE_PAGE = (
    "<div class=top><a href=/>Springfield Gazette</a></div>"
    "<h1>River cleanup draws hundreds of volunteers</h1>"
    f"{PROSE}<h2>A growing tradition</h2>{PROSE}"
    "<h1>Council approves new budget</h1><p>The next story.</p>"
)
TITLE = "River cleanup draws hundreds of volunteers | Springfield Gazette"


def test_find_headline_matches_the_heading_that_repeats_the_title() -> None:
    seg = segment_html(f"<body>{HEADLINE_PAGE}</body>")
    headline, zone_end = _score.find_headline(seg, keys(TITLE), DEFAULT_OPTIONS)
    assert seg.blocks[headline].text == "River cleanup draws hundreds of volunteers"
    # the zone ends at the next heading of the same level, not at the <h2>
    assert seg.blocks[zone_end].text == "Council approves new budget"


def test_find_headline_does_not_take_the_site_name() -> None:
    seg = segment_html(
        "<body><div class=top><a href=/>Springfield Gazette</a></div><p>Text.</p></body>"
    )
    assert _score.find_headline(seg, keys(TITLE), DEFAULT_OPTIONS) == (-1, -1)


def test_find_headline_prefers_a_heading_to_a_paragraph() -> None:
    seg = segment_html(
        "<body><p>River cleanup draws hundreds of volunteers</p>"
        "<h2>River cleanup draws hundreds of volunteers</h2></body>"
    )
    headline, _ = _score.find_headline(seg, keys(TITLE), DEFAULT_OPTIONS)
    assert seg.blocks[headline].tag == "h2"


def test_find_headline_ignores_case_and_punctuation() -> None:
    seg = segment_html("<body><h1>River cleanup: draws HUNDREDS of volunteers!</h1></body>")
    assert _score.find_headline(seg, keys(TITLE), DEFAULT_OPTIONS)[0] == 0


@pytest.mark.parametrize("title", ["", "Home", "Springfield Gazette"])
def test_find_headline_without_a_matching_title(title: str) -> None:
    seg = segment_html("<body><h1>River cleanup draws hundreds of volunteers</h1></body>")
    assert _score.find_headline(seg, keys(title), DEFAULT_OPTIONS) == (-1, -1)


def test_find_headline_in_chinese() -> None:
    seg = segment_html(
        "<body><div>跨境头条</div><h1>小红书近期高管离职频发!</h1><p>正文。</p></body>"
    )
    headline, _ = _score.find_headline(
        seg, keys("小红书近期高管离职频发!-跨境头条-AMZ123"), DEFAULT_OPTIONS
    )
    assert seg.blocks[headline].tag == "h1"


def _zone_scores(html: str) -> tuple[dict[str, float], dict[str, float]]:
    """Container scores by ``id`` without and with the headline zone bonus."""
    seg = segment_html(f"<body>{html}</body>")
    _score.score_blocks(seg, DEFAULT_OPTIONS)
    plain = _score.score_containers(seg, DEFAULT_OPTIONS)
    headline = _score.find_headline(seg, keys(TITLE), DEFAULT_OPTIONS)
    assert seg.blocks[headline[0]].text == "River cleanup draws hundreds of volunteers"
    zoned = _score.score_containers(seg, DEFAULT_OPTIONS, headline)
    named = [c for c in seg.containers if c.classes]
    return (
        {c.classes: plain.scores[c.id] for c in named},
        {c.classes: zoned.scores[c.id] for c in named},
    )


NEXT_STORY = (
    "<h1>Council approves new budget</h1>"
    + "<p>The council voted on Tuesday evening to approve a budget that raises spending on "
    "parks, roads and schools, officials said.</p>" * 4
)


def test_headline_zone_wins_over_a_longer_article_appended_below() -> None:
    """Infinite scroll: the page's own (shorter) article beats the next one."""
    plain, zoned = _zone_scores(
        "<div class=top><a href=/>Springfield Gazette</a></div>"
        f'<div id="own"><h1>River cleanup draws hundreds of volunteers</h1>{PROSE}</div>'
        f'<div id="next">{NEXT_STORY}</div>'
    )
    assert plain["next"] > plain["own"]
    assert zoned["own"] > zoned["next"]
    assert max(zoned, key=zoned.__getitem__) == "own"


def test_headline_zone_bonus_skips_containers_reaching_past_the_zone() -> None:
    _, zoned = _zone_scores(
        '<div class=top><a href=/>Springfield Gazette</a></div><div id="stream">'
        f'<div id="own"><h1>River cleanup draws hundreds of volunteers</h1>{PROSE}</div>'
        f'<div id="next">{NEXT_STORY}</div></div>'
    )
    assert max(zoned, key=zoned.__getitem__) == "own"
