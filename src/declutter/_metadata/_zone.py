"""Text around the headline: where bylines and dates are printed.

A bounded document-order walk from a node: the text that follows it (skipping its own
subtree, scripts and styles), cut after a character budget. The walk is iterative and
never visits more than `max_nodes` nodes, whatever the depth of the DOM.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from .._text import drop_invisible

__all__ = ["body_end_nodes", "node_lines", "text_after", "text_before"]

# Quotes and backslashes cannot go into the query; whitespace differs between body and page.
_UNSAFE = re.compile(r'["\\\s]+')

_SKIP = frozenset(
    (
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "select",
        "textarea",
        "head",
        "iframe",
        "button",
    )
)
# Elements that end a line when rendered: their text starts on a new line of the window.
_BREAK = frozenset((
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "header", "footer", "ul", "ol", "dl", "dt", "dd", "table", "blockquote", "address",
    "figure", "figcaption", "aside", "nav", "main", "form", "hr", "time", "span", "a",
))  # fmt: skip


# Joins the text nodes of an element in Lexbor's C walk; page text practically never holds it.
_NODE_SEP = "\x1f"


def node_lines(node: LexborNode, *, deep: bool = True) -> str:
    """The text of `node`, one line per text node, each with its whitespace collapsed: a
    line feed inside one text node is source formatting ("Prof. Dr.\\n    Rainer\\n
    Quitzow" renders on one line); the breaks between text nodes stay."""
    text = node.text(deep=deep, separator=_NODE_SEP)
    return "\n".join(line for line in (_one_line(p) for p in text.split(_NODE_SEP)) if line)


def _one_line(text: str) -> str:
    """A text node's text on one line: its source lines joined by one space. Spaces within a
    source line stay (no-break spaces are a gap the page shows, and several spaces often set
    a credit apart: "Text von A &nbsp;&nbsp;Foto von B", "VON A  IN Fashion")."""
    if "\n" not in text and "\r" not in text:
        return text.strip()
    return " ".join(line for line in (part.strip() for part in text.splitlines()) if line)


def text_after(node: LexborNode, *, max_chars: int, max_nodes: int) -> str:
    """Up to `max_chars` of the text after `node` in document order, one line per text node."""
    parts: list[str] = []
    total = 0
    visited = 0
    current = _next_outside(node)
    while current is not None and total < max_chars and visited < max_nodes:
        visited += 1
        if current.is_text_node:
            text = _one_line(current.text_content or "")
            if text:
                parts.append(text)
                total += len(text)
        elif not current.is_comment_node:
            tag = current.tag
            if tag not in _SKIP:
                if tag in _BREAK and parts and parts[-1] != "\n":
                    parts.append("\n")
                child = current.child
                if child is not None:
                    current = child
                    continue
        # The next node after the subtree of `current` (`_next_outside`, inlined).
        while current is not None:
            sibling = current.next
            if sibling is not None:
                current = sibling
                break
            current = current.parent
    text = "".join(p if p == "\n" else p + " " for p in parts).replace(" \n", "\n")
    return drop_invisible(text[: max_chars * 2])


def text_before(node: LexborNode, *, max_chars: int, max_nodes: int) -> str:
    """Up to `max_chars` of the text of the siblings just before `node` and its parents."""
    parts: list[str] = []
    total = 0
    visited = 0
    current: LexborNode | None = node
    while current is not None and total < max_chars and visited < max_nodes:
        sibling = current.prev
        while sibling is not None and total < max_chars and visited < max_nodes:
            visited += 1
            if sibling.is_text_node:
                text = _one_line(sibling.text_content or "")
            elif sibling.is_comment_node or sibling.tag in _SKIP:
                text = ""
            else:
                text = node_lines(sibling)
            if text:
                parts.append(text[-max_chars:])
                total += len(text)
            sibling = sibling.prev
        current = current.parent
    return drop_invisible("\n".join(reversed(parts))[-max_chars:])


def _next_outside(node: LexborNode) -> LexborNode | None:
    """The next node in document order after the whole subtree of `node`."""
    current: LexborNode | None = node
    while current is not None:
        sibling = current.next
        if sibling is not None:
            return sibling
        current = current.parent
    return None


def body_end_nodes(
    scope: LexborNode, body: str, *, probe_chars: int, probes: int, max_nodes: int
) -> list[LexborNode]:
    """Elements under `scope` whose own text holds the end of `body`: where the article ends
    on the page (once per copy). Found by C-level text queries for a few pieces of the last line (the
    body's whitespace may differ from the page's, so one piece may miss); [] when none hits."""
    for probe in _probes(body, probe_chars, probes):
        found = scope.css(f':lexbor-contains("{probe}")')
        if found:
            return found[:max_nodes]
    return []


def _probes(body: str, probe_chars: int, probes: int) -> list[str]:
    """Pieces of the body's last line, from its end backwards, free of spaces and quotes."""
    line = body.rstrip().rsplit("\n", 1)[-1]
    pieces = [p for p in _UNSAFE.split(line) if len(p) >= probe_chars // 2]
    out: list[str] = []
    for piece in reversed(pieces):
        while len(piece) >= probe_chars // 2 and len(out) < probes:
            out.append(piece[-probe_chars:])
            piece = piece[:-probe_chars]
        if len(out) >= probes:
            break
    return out
