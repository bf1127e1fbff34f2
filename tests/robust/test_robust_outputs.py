"""Every output stays within a fixed factor of the input, and carries no control characters.

A table whose cells span 1,000 columns each, a 100,000-character class name that repeats on
every block, tens of thousands of tiny formatting elements (recorded), C0/C1 controls (ESC, BEL, CSI) in the page: every format (text, markdown,
HTML, JSON with blocks, the explain reports) is checked, and output growth is compared at
two sizes (a ratio, not a timing).
"""

from __future__ import annotations

import json
import re

import pytest

import declutter
from declutter import FORMATS, Options
from declutter._render import explain_html, explain_table
from robust_hostile import FAMILIES, PARAGRAPH

_OUTPUT_FACTOR = 2
"""Bytes of text, markdown, HTML or JSON output per byte of input, at most (escapes)."""
_REPORT_FACTOR = 24
"""...and of the block reports (JSON with blocks, explain): a block of a few input bytes
(a table cell) gets a record of some 30 fields."""
_REPORTS = ("json-blocks", "explain-html", "explain")
_LINEAR = 6.0
"""Output size ratio at 4x over 1x below which growth counts as linear."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_RECORDED = Options(
    include_links=True, include_images=True, include_formatting=True, page_view=True
)


def _outputs(page: bytes) -> dict[str, str]:
    article = declutter.extract(page, options=_RECORDED)
    out = {f: declutter.render(article, f) for f in FORMATS}  # type: ignore[arg-type]
    out["json-blocks"] = declutter.render(article, "json", blocks=True)
    out["explain-html"] = explain_html(article)
    out["explain"] = explain_table(article)
    return out


@pytest.mark.parametrize("name", ["colspan_table", "huge_class_name", "many_marks", "deep_inline"])
def test_outputs_are_linear_in_the_input(name: str) -> None:
    small, large = FAMILIES[name](1), FAMILIES[name](4)
    sizes = {k: len(v.encode()) for k, v in _outputs(small).items()}
    for fmt, text in _outputs(large).items():
        size = len(text.encode())
        assert size <= (_REPORT_FACTOR if fmt in _REPORTS else _OUTPUT_FACTOR) * len(large), fmt
        assert size <= _LINEAR * sizes[fmt], fmt


def test_a_spanning_table_keeps_its_cells_in_a_compact_grid() -> None:
    article = declutter.extract(FAMILIES["colspan_table"](0.2))
    markdown = declutter.render(article, "markdown")
    assert "| row 0 holds value 0 of many | row 0 holds value 1 of many |" in markdown


def test_class_names_are_cut_in_the_blocks() -> None:
    article = declutter.extract(
        FAMILIES["huge_class_name"](0.1), options=Options(block_classes_max_chars=50)
    )
    kept = [b for b in article.blocks if b.kept]
    assert kept and all(len(b.classes) <= 50 for b in kept)
    assert all(len(part) <= 50 + 4 for b in kept for part in b.path.split(">"))


@pytest.mark.parametrize("fmt", [*FORMATS, "json-blocks", "explain-html", "explain"])
def test_no_control_character_leaves_the_library(fmt: str) -> None:
    out = _outputs(FAMILIES["control_characters"](0.01))[fmt]
    if fmt.startswith("json"):
        out = json.dumps(json.loads(out), ensure_ascii=False)  # the escapes, decoded
    if fmt == "csv":
        assert out.endswith("\r\n")
        out = out.replace("\r\n", "\n")  # RFC 4180 ends records with CRLF: the only CR allowed
    assert "Council budget" in out or "Council" in out
    assert _CONTROL.search(out) is None


def test_controls_are_dropped_from_every_text_field() -> None:
    article = declutter.extract(FAMILIES["control_characters"](0.01))
    assert article.title is not None and article.title.split() == [
        "Council]0;owned[2J31m",
        "budget",
    ]
    assert article.authors == ("Jane Doe",)
    # form feed and NEL are whitespace to HTML and Python: they leave a space
    assert PARAGRAPH.replace("budget", "bud]0;owned[2J31m get") in " ".join(article.body.split())
    assert all(_CONTROL.search(b.text) is None for b in article.blocks)


def test_a_str_page_with_controls() -> None:
    article = declutter.extract(
        "<title>A\x1bB</title><p>" + PARAGRAPH.replace(",", "\x07,") + "</p>"
    )
    assert article.title == "AB" and PARAGRAPH in article.body


def test_the_explain_report_of_a_deep_page_nests_a_bounded_number_of_boxes() -> None:
    """A sentence at each of thousands of nesting levels: every block is shown, in boxes
    nested no deeper than the report's cap, and the report grows linearly."""
    from lxml import html as lxml_html

    from declutter._render import _page_view

    sizes = []
    for scale in (0.1, 0.4):
        page = FAMILIES["deep_divs_text_everywhere"](scale)
        article = declutter.extract(page, options=Options(page_view=True))
        report = explain_html(article)
        sizes.append(len(report))
        root = lxml_html.document_fromstring(report)
        main = root.find(".//main")
        assert main is not None
        shown = main.xpath('.//*[contains(concat(" ", @class, " "), " b ")]')
        assert len(shown) == len(article.blocks) > 500
        deepest = max(
            len(b.xpath('ancestor::div[contains(concat(" ", @class, " "), " r ")]')) for b in shown
        )
        assert 0 < deepest <= _page_view.MAX_NESTING
    assert sizes[1] <= _LINEAR * sizes[0]
