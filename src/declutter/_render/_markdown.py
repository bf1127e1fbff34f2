"""The article as CommonMark (tables as GitHub-flavoured pipe tables).

The text is escaped so that it reads back as the same text: characters that make inline
markup (``*``, ``_``, backticks, ``[``, ``<``, ``|``...) are always backslash-escaped and
those that start a block (``#``, ``>``, ``-``, ``1.``...) when they begin a line. ``<br>``
line breaks are hard breaks (a trailing backslash). Metadata comes first as YAML front
matter whose values are JSON (which YAML reads as they are).

Formatting (`Options.include_formatting`) is written as ``**bold**``, ``*italic*`` and
```code``` where CommonMark reads those delimiters back as that span (its flanking rules
depend on the characters around them), else as the inline HTML CommonMark also reads
(``<b>``, ``<i>``, ``<code>``); sub- and superscript have no markdown, so are always
``<sub>`` and ``<sup>``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import _meta, _tree
from ._tree import (
    Code,
    Figure,
    Heading,
    Inline,
    ListNode,
    Node,
    Paragraph,
    Quote,
    Run,
    Styled,
    Table,
)

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
    comments = _nodes(_tree.comment_nodes(article.comments))
    if comments:
        parts.append("\n".join(comments))
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
        lambda m: f"\\u{ord(m.group(0)):04x}",
        json.dumps(value, ensure_ascii=False, allow_nan=False),
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
    caption = _inline(node.caption, enclosed=True) if node.caption is not None else ""
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
    return Inline(inline.text.replace("\n", " "), inline.spans)


# --- inline ------------------------------------------------------------------------------


def _inline(inline: Inline, *, heading: bool = False, enclosed: bool = False) -> str:
    """Escaped text with its links and formatting; each ``<br>`` a hard break (``\\`` at
    the line's end). `enclosed`: the caller writes ``*`` around it."""
    writer = _InlineWriter(heading=heading, enclosed=enclosed)
    _tree.walk(_tree.runs(inline), writer)
    lines = [line.strip() for line in "".join(writer.pieces).split("\n")]
    return "\\\n".join(line for line in lines if line)


_HTML_FORM = {"bold": "b", "italic": "i", "code": "code", "sub": "sub", "sup": "sup"}
_DELIMITER = {"bold": "**", "italic": "*"}
_CODE_SPAN_MAX_BACKTICKS = 1
"""Code holding a longer run of backticks is written as ``<code>``: its fence, longer than
the run, would begin a fenced code block at a line's start from three backticks on, and
written twice, long fences would make the output grow faster than the text."""


class _InlineWriter:
    """Markdown of inline runs (a `_tree.Writer`), written left to right. A delimiter
    (``*``, ``**``) is used only where CommonMark's flanking rules make it open and close
    that very span, judged on the characters on both sides of it, and never next to
    another delimiter (two runs of ``*`` would merge into one)."""

    def __init__(self, *, heading: bool, enclosed: bool) -> None:
        self.pieces: list[str] = []
        self.heading = heading
        self.enclosed = enclosed
        self.line_start = True
        self.last = ""
        """The last character written ("": none yet)."""
        self.after_delimiter = enclosed
        self.closers: list[tuple[str, bool]] = []
        """What closes each open run, and whether it is a delimiter."""
        self.verbatim = False

    def text(self, text: str) -> None:
        if self.verbatim:
            self._write(text, delimiter=False)
            return
        self._write(escape(text, line_start=self.line_start, heading=self.heading), delimiter=False)
        self.line_start = text.endswith("\n")

    def open(self, run: Styled, following: Run | None) -> None:
        if run.kind == "link":
            if self.last == "!":  # "![" would open an image: the "!" is text
                self.pieces[-1] = self.pieces[-1][:-1] + "\\!"
            self._write("[", delimiter=False)
            self.closers.append((f"]({_destination(run.url)})", False))
            return
        self.line_start = False
        if run.kind in _DELIMITER and self._delimits(run, following):
            opener = closer = _DELIMITER[run.kind]
        elif run.kind == "code" and self._code_span(run):
            code = _plain(run)
            fence = "`" * (max((len(r) for r in re.findall("`+", code)), default=0) + 1)
            pad = " " if code.startswith("`") or code.endswith("`") else ""
            opener, closer = fence + pad, pad + fence
            self.verbatim = True
        else:
            tag = _HTML_FORM[run.kind]
            opener, closer = f"<{tag}>", f"</{tag}>"
        self._write(opener, delimiter=opener in _DELIMITER.values())
        self.closers.append((closer, closer in _DELIMITER.values()))

    def close(self, run: Styled) -> None:
        closer, delimiter = self.closers.pop()
        self._write(closer, delimiter=delimiter)
        self.verbatim = False
        if run.kind != "link":
            self.line_start = False

    def _write(self, text: str, *, delimiter: bool) -> None:
        if text:
            self.pieces.append(text)
            self.last = text[-1]
            self.after_delimiter = delimiter

    def _delimits(self, run: Styled, following: Run | None) -> bool:
        """Whether ``*``/``**`` around `run` opens and closes it: CommonMark's left- and
        right-flanking rules, with the first and last characters inside and those outside
        (markup counts as punctuation, as all of it begins and ends with some)."""
        if self.after_delimiter:
            return False
        if following is None:
            if self.closers[-1:] and self.closers[-1][1] or not self.closers and self.enclosed:
                return False  # the next thing written is a delimiter
            after = "]" if self.closers else " "  # a closer is punctuation; the end, a line's end
        else:
            after = following[0] if isinstance(following, str) else "<"
        first, last = _edge(run.children[0], 0), _edge(run.children[-1], -1)
        opens = not _is_space(first) and (
            not _is_punctuation(first) or _space_or_punctuation(self.last)
        )
        closes = not _is_space(last) and (not _is_punctuation(last) or _space_or_punctuation(after))
        return opens and closes

    def _code_span(self, run: Styled) -> bool:
        """Whether `run` can be a backtick code span: one line, no ``|`` (a table cell
        would split there), no run of backticks longer than `_CODE_SPAN_MAX_BACKTICKS`, and
        no backtick just before it."""
        code = _plain(run)
        return (
            "\n" not in code and "|" not in code and self.last != "`"
            and "`" * (_CODE_SPAN_MAX_BACKTICKS + 1) not in code
        )  # fmt: skip


def _plain(run: Styled) -> str:
    return "".join(child if isinstance(child, str) else _plain(child) for child in run.children)


def _edge(run: Run, at: int) -> str:
    """The character at one end of `run` (markup counts as ``<``, a punctuation mark)."""
    return run[at] if isinstance(run, str) else "<"


def _is_space(char: str) -> bool:
    """CommonMark's Unicode whitespace (the start and end of a line count as it)."""
    return char == "" or char in "\t\n\x0b\x0c\r" or unicodedata.category(char) == "Zs"


def _is_punctuation(char: str) -> bool:
    """Punctuation as the strictest reader counts it inside a span: ASCII punctuation and
    Unicode punctuation and symbols (CommonMark 0.31)."""
    return char in _ASCII_PUNCTUATION or unicodedata.category(char)[0] in "PS"


def _space_or_punctuation(char: str) -> bool:
    """Whitespace or punctuation as every reader counts it outside a span (symbols
    outside ASCII were not punctuation before CommonMark 0.31)."""
    return _is_space(char) or char in _ASCII_PUNCTUATION or unicodedata.category(char)[0] == "P"


_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _destination(url: str) -> str:
    """A link destination: `safe_url` has percent-encoded spaces and angle brackets."""
    return _DESTINATION_ESCAPE.sub(lambda m: "\\" + m.group(0), url)
