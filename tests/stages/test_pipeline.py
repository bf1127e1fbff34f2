"""The orchestrator's second passes: class pruning overruled when it looks to have hit the
article, and kept only when that finds the article."""

from __future__ import annotations

import declutter

STORY = (
    "<p>The council met on Tuesday and voted, after a long debate, to rebuild the bridge.</p>"
    "<p>Work starts in May; the road stays open, with one lane each way, until the autumn.</p>"
    "<p>Residents asked, again and again, why the repairs had taken so many years to plan.</p>"
    "<p>The engineers said the old piers, laid in 1902, had worn faster than anyone knew.</p>"
    "<p>A ferry will run at rush hour, and the buses will take the long way, by the mill.</p>"
)


def test_an_article_in_a_box_named_like_chrome_is_found_on_a_second_pass() -> None:
    html = (
        "<body><div class=menu><a href=/>Home</a></div>"
        f'<div class="layout-sidebar-fixed">{STORY}</div>'
        "<p>Short note.</p></body>"
    )
    assert "rebuild the bridge" in declutter.extract(html).body


def test_a_second_pass_that_only_moves_the_region_loses() -> None:
    """The pruned sidebar holds more text than the short story, so it is walked again; there
    its best box, a little longer than the story, is no reason to leave the story."""
    story = "<p>The bridge reopens on Monday, a week early, the council said, after repairs.</p>"
    box = (
        "<p>The hall, built in 1890 by the mill owners, hosts the market, the choir, and the "
        "town band.</p>"
    )
    links = "".join(f"<li><a href=/{i}>Section {i}, page {i}.</a></li>" for i in range(16))
    html = f'<body><div>{story}</div><div class="sidebar"><ul>{links}</ul><div>{box}</div></div></body>'
    body = declutter.extract(html).body
    assert "The bridge reopens on Monday" in body
    assert "The hall" not in body
    moved = declutter.extract(html, options=declutter.Options(unprune_gain=1.0)).body
    assert "The hall" in moved  # what the gain guards against


def _readers(n: int) -> str:
    """`n` readers' posts, in boxes the class vocabulary does not name."""
    return "".join(
        f'<div class="entry"><span>Reader {i}</span><p>I read this twice, and I still think '
        f"the council waited far too long, as it always does, point {i}.</p></div>"
        for i in range(n)
    )


def test_the_comments_under_a_short_post_are_not_taken_for_its_article() -> None:
    """The comments hold more text than the post, but they come after it: they are the
    readers', not a box the article was put in (Dragnet's pages, with their gold)."""
    post = "<p>The bridge reopens on Monday, a week early, after two years of repairs.</p>"
    html = f'<body><h1>Bridge reopens</h1><div class="post">{post}</div><div id="comments">{_readers(12)}</div></body>'
    body = declutter.extract(html).body
    assert "The bridge reopens on Monday" in body
    assert "Reader 3" not in body and "council waited" not in body


def test_a_thread_with_nothing_before_it_is_the_page() -> None:
    """A forum thread or a page of readers' views: no text comes before the comments, so
    they are what the page holds."""
    html = f'<body><h1>Does the bridge need a toll?</h1><div class="comments">{_readers(12)}</div></body>'
    assert "council waited far too long" in declutter.extract(html).body
