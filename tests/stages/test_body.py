"""Stage 8, body: the kept blocks as text."""

from __future__ import annotations

import declutter
from _helpers import raw_blocks
from _pages import snippet_bytes
from declutter._body import to_text


def test_kept_blocks_in_order_separated_by_one_blank_line() -> None:
    bs = raw_blocks("First paragraph.", "Second paragraph.", "Third paragraph.")
    assert to_text(bs) == "First paragraph.\n\nSecond paragraph.\n\nThird paragraph."


def test_dropped_blocks_leave_no_gap() -> None:
    bs = raw_blocks("First.", "Menu", "Second.", "Footer")
    bs[1].kept = bs[3].kept = False
    assert to_text(bs) == "First.\n\nSecond."


def test_line_breaks_inside_a_block_stay_single() -> None:
    assert to_text(raw_blocks("Roses are red,\nviolets are blue.", "Next.")) == (
        "Roses are red,\nviolets are blue.\n\nNext."
    )


def test_nothing_kept_is_empty_text() -> None:
    assert to_text(raw_blocks("Menu", kept=False)) == ""
    assert to_text([]) == ""


def test_body_of_a_page_is_its_kept_blocks() -> None:
    article = declutter.extract(snippet_bytes("bridge_article.html"))
    kept = [b.text for b in article.blocks if b.kept]
    assert len(kept) >= 5
    assert article.body == "\n\n".join(kept)
    assert "\n\n\n" not in article.body
    assert article.body == article.body.strip()


def test_br_lines_come_out_as_single_newlines() -> None:
    html = (
        "<html><body><article><p>The first paragraph of the poem page, with a comma, and words.</p>"
        "<p>Roses are red,<br>violets are blue,<br>sugar is sweet, and so are you.</p>"
        "</article></body></html>"
    )
    body = declutter.extract(html).body
    assert body == (
        "The first paragraph of the poem page, with a comma, and words.\n\n"
        "Roses are red,\nviolets are blue,\nsugar is sweet, and so are you."
    )


def test_data_table_is_one_paragraph_of_tab_separated_rows() -> None:
    html = (
        "<article><p>The council published its budget today, with a table of spending by "
        "department, as promised.</p><table><tr><th>Dept</th><th>Spend</th></tr>"
        "<tr><td>Parks</td><td>$1m</td></tr><tr><td>Roads</td><td>$3m</td></tr></table>"
        "<p>Officials said the figures, which cover the whole year, would be reviewed.</p></article>"
    )
    paragraphs = declutter.extract(html).body.split("\n\n")
    assert paragraphs[1] == "Dept\tSpend\nParks\t$1m\nRoads\t$3m"


def test_layout_table_cells_stay_paragraphs() -> None:
    """An old portal lays the page out in a table: its long cells are the article's paragraphs."""
    para = "A long paragraph of the article, with commas, sitting in a layout cell of its own."
    html = f"<table><tr><td><a href=/>Home</a></td><td><p>{para}</p><p>{para} Again.</p></td></tr></table>"
    assert declutter.extract(html).body == f"{para}\n\n{para} Again."
