"""The text around the headline: one line per text node, source line feeds joined."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from declutter._metadata._zone import node_lines, text_after, text_before


def _node(html: str, selector: str):  # type: ignore[no-untyped-def]
    node = LexborHTMLParser(html).css_first(selector)
    assert node is not None
    return node


def test_node_lines_join_the_source_lines_of_a_text_node() -> None:
    node = _node(
        "<div>\n  Prof. Dr.\n  Rainer\n  Quitzow<br>\n  Bereich<b>Energie</b></div>", "div"
    )
    assert node_lines(node) == "Prof. Dr. Rainer Quitzow\nBereich\nEnergie"


def test_spaces_within_a_source_line_stay() -> None:
    # several spaces set two credits apart (alacarte.at: "&nbsp; &nbsp;&nbsp;")
    node = _node("<p><em>Text von A B &nbsp; &nbsp;Illustration von C D</em></p>", "p")
    assert node_lines(node) == "Text von A B \xa0 \xa0Illustration von C D"


def test_zones_join_the_source_lines_of_a_text_node() -> None:
    html = "<div><p>Kicker</p><h1>T</h1><p>\n  12. März\n  2020 von\n  Max Muster</p></div>"
    tree = LexborHTMLParser(html)
    h1 = tree.css_first("h1")
    assert h1 is not None
    assert text_after(h1, max_chars=200, max_nodes=50).strip() == "12. März 2020 von Max Muster"
    p = _node("<div><p>\n  Text &amp;\n  Fotos: A B\n</p><h1>T</h1></div>", "h1")
    assert text_before(p, max_chars=200, max_nodes=50) == "Text & Fotos: A B"
