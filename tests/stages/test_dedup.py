"""Stage 6, dedup: one copy of the article, each paragraph once."""

from __future__ import annotations

import declutter
from _helpers import raw_blocks
from _pages import snippet_bytes
from declutter._dedup import dedup
from declutter._options import DEFAULT_OPTIONS
from declutter._segment import Container, RawBlock

P1 = (
    "The old bridge over the river reopened on Monday, two years after cracks forced the city "
    "to close it."
)
P2 = (
    "Engineers replaced the deck, repaired the piers and added a cycle lane on the east side, "
    "the city said."
)
P3 = (
    "Work was delayed twice, first by floods in the spring and then by a shortage of steel, "
    "officials explained."
)
LONG = " ".join(f"word{i}" for i in range(70))  # longer than dedup_min_run_length alone


def boxes(count: int) -> list[Container]:
    """A body (id 0) holding `count` sibling boxes (ids 1..count)."""
    body = Container(0, -1, "body", "", 0, None, children=list(range(1, count + 1)))
    return [body] + [Container(i, 0, "div", f"box{i}", 1, None) for i in range(1, count + 1)]


def in_boxes(blocks: list[RawBlock], homes: list[int]) -> list[RawBlock]:
    for block, home in zip(blocks, homes):
        block.container = home
    return blocks


def decisions(
    texts: list[str], homes: list[int] | None = None, **changes: object
) -> list[tuple[bool, str]]:
    """Dedup kept paragraphs; `homes` puts each in box 1, 2...; by default the second half
    of `texts` sits in a box of its own, as a second copy of a page does."""
    if homes is None:
        homes = [1] * (len(texts) // 2) + [2] * (len(texts) - len(texts) // 2)
    bs = in_boxes(raw_blocks(*texts), homes)
    dedup(bs, boxes(max(homes)), DEFAULT_OPTIONS.replace(**changes))
    return [(b.kept, b.reason) for b in bs]


def test_second_copy_is_removed_whole_with_its_short_subheads() -> None:
    texts = ["New deck", P1, "Why now?", P2, P3]
    result = decisions(texts + texts)
    assert result[:5] == [(True, "content")] * 5
    assert result[5:] == [(False, "duplicate-copy")] * 5


def test_repeated_long_paragraph_from_another_box_is_removed() -> None:
    """A teaser box repeating the lead, a pull quote: the repeat lives in another box."""
    result = decisions([P1, P2, P3, P1], homes=[1, 1, 1, 2])
    assert result == [(True, "content")] * 3 + [(False, "duplicate")]


def test_paragraph_the_author_repeats_in_the_same_box_is_kept() -> None:
    """A meal plan or a refrain repeated among the article's own paragraphs is text."""
    result = decisions([P1, P2, P3, P1, P2], homes=[1] * 5)
    assert result == [(True, "content")] * 5


def test_short_line_repeated_in_the_article_is_kept() -> None:
    result = decisions([P1, "Yes.", P2, "Yes.", P3], homes=[1] * 5)
    assert result == [(True, "content")] * 5


def test_short_repeat_of_a_short_run_is_kept() -> None:
    """A repeated run under `dedup_min_run_length` is no copy: its short lines stay."""
    result = decisions(
        ["Chorus line", "Sing it", P1, "Chorus line", "Sing it", P2], homes=[1, 1, 1, 2, 2, 2]
    )
    assert result == [(True, "content")] * 6


def test_comparison_ignores_whitespace_and_case() -> None:
    result = decisions([P1, "  " + P1.upper().replace(" ", "\n  ")])
    assert result[1] == (False, "duplicate")


def test_near_duplicate_is_kept() -> None:
    """Comparison is exact: a paragraph that differs by one word is not a duplicate."""
    result = decisions([P1, P1.replace("Monday", "Tuesday")])
    assert result == [(True, "content")] * 2


def test_dropped_blocks_do_not_count_as_earlier_copies() -> None:
    bs = in_boxes(raw_blocks(P1) + raw_blocks(P1), [1, 2])
    bs[0].kept, bs[0].reason = False, "link-dense"
    dedup(bs, boxes(2), DEFAULT_OPTIONS)
    assert (bs[1].kept, bs[1].reason) == (True, "content")


def test_run_does_not_overlap_itself() -> None:
    result = decisions([LONG, LONG, LONG], homes=[1, 2, 3])
    assert result == [(True, "content")] + [(False, "duplicate-copy")] * 2


def test_no_state_across_calls() -> None:
    first = in_boxes(raw_blocks(P1, P2), [1, 2])
    dedup(first, boxes(2), DEFAULT_OPTIONS)
    second = in_boxes(raw_blocks(P1, P3), [1, 2])
    dedup(second, boxes(2), DEFAULT_OPTIONS)
    assert all(b.kept for b in first + second)


def test_same_input_same_output() -> None:
    texts = [P1, "Yes.", P2, P1, "Yes.", P3, P2, LONG, "x", LONG]
    assert decisions(texts) == decisions(list(texts))


def test_copy_of_the_article_tail_goes_whole() -> None:
    """Live blog: "Update" recurs; the mobile copy repeats only the last update."""
    result = decisions(
        [P1, "Update", P2, "Update", LONG, "Update", LONG], homes=[1, 1, 1, 1, 1, 2, 2]
    )
    assert result[5:] == [(False, "duplicate-copy")] * 2


# --- through the pipeline ---------------------------------------------------------------


def test_desktop_and_mobile_copies_give_one_body() -> None:
    article = declutter.extract(snippet_bytes("desktop_mobile.html"))
    paragraphs = article.body.split("\n\n")
    assert paragraphs == [
        (
            "The old bridge over the river reopened on Monday, two years after cracks forced "
            "the city to close it to all traffic."
        ),
        "New deck",
        (
            "Engineers replaced the deck, repaired the piers and added a cycle lane on the east "
            "side, the city said."
        ),
        "Yes.",
        (
            "Work was delayed twice, first by floods in the spring and then by a shortage of "
            "steel, officials explained."
        ),
    ]
    reasons = [b.reason for b in article.blocks if "mobile" in b.path]
    # the copy's repeated headline is the title; its byline, text and closing line go with
    # the copy
    assert reasons == ["headline"] + ["duplicate-copy"] * 7


def test_extraction_is_deterministic() -> None:
    page = snippet_bytes("desktop_mobile.html")
    first = declutter.extract(page)
    declutter.extract(snippet_bytes("bridge_article.html"))  # another page in between
    again = declutter.extract(page)
    assert first == again
