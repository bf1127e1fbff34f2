"""The article as CommonMark (tables as GitHub-flavoured pipe tables).

The text is escaped so that it reads back as the same text: characters that make inline
markup (``*``, ``_``, backticks, ``[``, ``<``, ``|``...) are always backslash-escaped and
those that start a block (``#``, ``>``, ``-``, ``1.``...) when they begin a line. ``<br>``
line breaks are hard breaks (a trailing backslash). Metadata comes first as YAML front
matter whose values are JSON (which YAML reads as they are).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import _meta, _tree
from ._tree import Code, Figure, Heading, Inline, ListNode, Node, Paragraph, Quote, Table

if TYPE_CHECKING:  # the renderers only read these (see _render/__init__)
    from .._model import Article, Image

__all__ = ["escape", "render"]

_ALWAYS = re.compile(r"[\\`*_\[\]<>|~]|&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^(?:[#>+=-]|(\d{1,9})(?=[.)]))")
_DESTINATION_ESCAPE = re.compile(r"[()\\]")


def render(article: Article, *, metadata: bool = True) -> str:
    """The article as markdown, ending in one newline."""
    parts: list[str] = []
    if metadata:
        parts.append(_front_matter(article))
        if article.title:
            parts.append("# " + escape(_one_line(article.title), heading=True))
    body = _nodes(_tree.build(article.blocks, article.url))
    if body:
        parts.append("\n".join(body))
    return "\n\n".join(parts) + "\n" if parts else ""


def escape(text: str, *, line_start: bool = True, heading: bool = False) -> str:
    """`text` as markdown that reads back as `text` (``\\n`` stays a newline: the caller
    makes it a hard break). `line_start`: the text begins a line."""
    lines = text.split("\n")
    out = []
    for n, line in enumerate(lines):
        line = _ALWAYS.sub(lambda m: "\\" + m.group(0), line)
        if heading:
            line = line.replace("#", "\\#")
        elif n or line_start:
            line = line.lstrip(" \t")
            line = _LINE_START.sub(_escape_line_start, line, count=1)
        out.append(line)
    return "\n".join(out)


def _escape_line_start(match: re.Match[str]) -> str:
    digits = match.group(1)
    return digits + "\\" if digits else "\\" + match.group(0)


def _front_matter(article: Article) -> str:
    lines = [f"{name}: {_yaml(value)}" for name, value in _meta.metadata(article)]
    return "\n".join(["---", *lines, "---"])


def _yaml(value: _meta.MetaValue) -> str:
    """JSON, which YAML reads as is, with the characters YAML does not print escaped."""
    return _NOT_YAML_PRINTABLE.sub(
        lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(value, ensure_ascii=False, allow_nan=False)
    )


_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- blocks: each node is a list of lines; containers indent or prefix their children's.


def _nodes(nodes: Sequence[Node], *, tight: bool = False) -> list[str]:
    """Lines of `nodes`, one blank line between them (none before a list when `tight`);
    adjacent lists alternate their markers so that CommonMark reads them as two lists."""
    lines: list[str] = []
    lists = 0
    for node in nodes:
        if isinstance(node, ListNode):
            chunk = _list(node, alternate=lists % 2 == 1)
            lists += 1
        else:
            chunk = _node(node)
            lists = 0
        if chunk:
            if lines and not (tight and _interrupts_paragraph(node)):
                lines.append("")
            lines.extend(chunk)
    return lines


def _interrupts_paragraph(node: Node) -> bool:
    """A list that may follow its item's text without a blank line: CommonMark lets only
    bullet lists and lists numbered from 1 interrupt a paragraph."""
    return isinstance(node, ListNode) and (not node.ordered or node.start == 1)


def _node(node: Node) -> list[str]:
    match node:
        case Paragraph():
            text = _inline(node.text)
            return text.split("\n") if text else []
        case Heading():
            text = _inline(_flat(node.text), heading=True)
            return [f"{'#' * node.level} {text}"] if text else []
        case Code():
            return _code(node)
        case Figure():
            return _figure(node)
        case Quote():
            return [f"> {line}" if line else ">" for line in _nodes(node.children)]
        case Table():
            return _table(node)
        case ListNode():
            return _list(node, alternate=False)


def _code(node: Code) -> list[str]:
    longest = max((len(run) for run in re.findall(r"`+", node.text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, *node.text.split("\n"), fence]


def _figure(node: Figure) -> list[str]:
    lines = [_image(image) for image in node.images]
    caption = _inline(node.caption) if node.caption is not None else ""
    if caption:
        if lines:
            lines.append("")
        lines.extend(f"*{caption}*".split("\n"))
    return lines


def _image(image: Image) -> str:
    alt = escape(_one_line(image.alt), line_start=False)
    title = escape(_one_line(image.title), line_start=False).replace('"', '\\"')
    suffix = f' "{title}"' if title else ""
    return f"![{alt}]({_destination(image.url)}{suffix})"


def _list(node: ListNode, *, alternate: bool) -> list[str]:
    """Items under their markers, their other lines indented to the item's text; a blank
    line between items only when an item holds more than its text and sublists."""
    loose = any(sum(not isinstance(c, ListNode) for c in item.children) > 1 for item in node.items)
    lines: list[str] = []
    for n, item in enumerate(node.items):
        marker = _marker(node, n, alternate)
        body = _nodes(item.children, tight=not loose) or [""]
        if lines and loose:
            lines.append("")
        pad = " " * (len(marker) + 1)
        lines.append(f"{marker} {body[0]}".rstrip())
        lines.extend(pad + line if line else "" for line in body[1:])
    return lines


def _marker(node: ListNode, n: int, alternate: bool) -> str:
    if node.ordered:
        return f"{min(node.start + n, 999_999_999)}{')' if alternate else '.'}"
    return "*" if alternate else "-"


def _table(node: Table) -> list[str]:
    lines = [_inline(_flat(node.caption)), ""] if node.caption is not None else []
    header, *rows = node.rows
    lines.append(_row(header))
    lines.append("|" + " --- |" * len(header))
    lines.extend(_row(row) for row in rows)
    return lines


def _row(cells: Sequence[_tree.Cell]) -> str:
    return "| " + " | ".join(_inline(_flat(cell.text)) for cell in cells) + " |"


def _flat(inline: Inline) -> Inline:
    """The text on one line (same length: the link spans stay valid)."""
    return Inline(inline.text.replace("\n", " "), inline.links)


# --- inline ------------------------------------------------------------------------------


def _inline(inline: Inline, *, heading: bool = False) -> str:
    """Escaped text with its links; each ``<br>`` a hard break (``\\`` at the line's end)."""
    pieces = []
    line_start = True
    for text, url in _tree.segments(inline):
        escaped = escape(text, line_start=line_start, heading=heading)
        pieces.append(f"[{escaped}]({_destination(url)})" if url is not None else escaped)
        line_start = text.endswith("\n")
    lines = [line.strip() for line in "".join(pieces).split("\n")]
    return "\\\n".join(line for line in lines if line)


def _destination(url: str) -> str:
    """A link destination: `safe_url` has percent-encoded spaces and angle brackets."""
    return _DESTINATION_ESCAPE.sub(lambda m: "\\" + m.group(0), url)
