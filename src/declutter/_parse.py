"""Stage 2, parse: text to a DOM, once, with Lexbor (selectolax).

Lexbor parses in linear time, except for shapes of markup where the HTML tree-building
algorithm itself is quadratic (in every conforming parser):

* deep nesting: each block start tag scans the stack of open elements for a ``<p>`` in scope;
* formatting elements left open (``<b a=1>``, ``<b a=2>``...): each one is re-opened inside
  every later paragraph, so n of them build n * n elements;
* thousands of attributes on one element (or given to ``<body>`` by repeated ``<body>``
  tags): each is checked against those before it;
* thousands of options in one ``<select>``: the whole list is walked for each new one.

A page of a few hundred kilobytes can so take minutes and gigabytes. Before parsing, this
stage therefore bounds the input (`Limits`): it cuts it after `max_chars` characters and
after `max_tags` tags (the DOM's size), and rewrites the few tags beyond the other limits:
a start tag that would nest deeper than `max_depth` or leave more than `max_formatting`
formatting elements open or add an option beyond `max_options` to a list is dropped (its
text stays, in the enclosing element; browsers cap their trees at 512 levels much the same
way), and attributes beyond `max_attributes` go.
Depth and open formatting elements are tracked by `_TreeSketch`, a linear-time sketch of
the tree builder's state. It runs only on pages where quick counts show that a limit may be
reached (most pages are parsed as they are).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from selectolax.lexbor import LexborHTMLParser

from ._compiled import compiled_module
from ._deadline import NO_DEADLINE, STRIDE, Deadline
from ._options import Options

__all__ = ["Limits", "parse"]


@dataclass(frozen=True, slots=True)
class Limits:
    """The bounds `parse` enforces (see `Options`, whose limits they come from)."""

    max_chars: int
    max_tags: int
    max_depth: int
    max_formatting: int
    max_attributes: int
    max_options: int
    attribute_min_chars: int = 0
    """See `Options.attribute_min_chars` (0: never attribute-dense)."""

    @classmethod
    def of(cls, options: Options, **changes: int) -> Limits:
        """The limits `options` set (`changes` override single ones, for tests)."""
        limits = cls(
            max_chars=options.max_bytes, max_tags=options.max_nodes // 2,
            max_depth=options.max_depth, max_formatting=options.max_open_formatting,
            max_attributes=options.max_attributes, max_options=options.max_select_options,
            attribute_min_chars=options.attribute_min_chars,
        )  # fmt: skip
        return replace(limits, **changes) if changes else limits


def parse_page(
    data: bytes | str, text: str, utf8: bytes | None, options: Options, deadline: Deadline
) -> tuple[LexborHTMLParser, bool]:
    """`parse` of the page `data` decoded to `text` (`utf8` as in `parse`), within the
    limits of `options` and `Options.parse_budget_share` of `deadline`; the flag says the
    input was cut or rewritten, or the parse ran out of its time."""
    # a NUL search on bytes is a memchr; on the decoded str it costs as much as parsing
    may_hold_nul = not isinstance(data, bytes) or b"\x00" in data
    share = deadline.share(options.parse_budget_share)
    tree, cut = parse(
        text, Limits.of(options), may_hold_nul=may_hold_nul, deadline=share, utf8=utf8
    )
    return tree, cut or share.hit


def parse(
    text: str,
    limits: Limits,
    *,
    may_hold_nul: bool = True,
    deadline: Deadline = NO_DEADLINE,
    utf8: bytes | None = None,
) -> tuple[LexborHTMLParser, bool]:
    """The page's DOM, and whether the input had to be cut or rewritten to fit `limits`.

    NUL characters are dropped: the HTML tokenizer would turn them into U+FFFD anyway, and a
    page of NULs (a binary file) then parses to an empty document instead of a garbage one.
    `may_hold_nul=False` (the bytes it was decoded from held none) skips that search. Past
    `deadline` the rewriting stops and the rest of the text is dropped (marked as rewritten).
    `utf8` is `text` encoded as UTF-8 when the caller has it (the page's own bytes): a page
    parsed as it is then goes to the parser as those bytes, which it would encode `text` to.
    """
    truncated = len(text) > limits.max_chars
    if truncated:
        text, utf8 = text[: limits.max_chars], None
    if may_hold_nul and "\x00" in text:
        text, utf8 = text.replace("\x00", ""), None
    tags = text.count("<") if utf8 is None else utf8.count(b"<")  # "<" is one byte in UTF-8
    if tags > limits.max_tags:
        text, utf8 = text[: _nth_index(text, "<", limits.max_tags)], None
        tags, truncated = limits.max_tags, True
    rewritten = False
    dense = _attribute_dense(text, limits)
    if dense or _may_exceed(text, tags, limits):
        text, rewritten = _TreeSketch(limits, dense).rewrite(text, deadline)
    if utf8 is None or rewritten:
        return LexborHTMLParser(text), truncated or rewritten
    return LexborHTMLParser(utf8), truncated


def _nth_index(text: str, char: str, n: int) -> int:
    """Index of the `n`-th occurrence (counted from 0) of `char`, counted chunk by chunk."""
    start, chunk = 0, 1 << 20
    while start < len(text):
        found = text.count(char, start, start + chunk)
        if found > n:
            break
        n -= found
        start += chunk
    else:
        return len(text)
    index = text.find(char, start)
    for _ in range(n):
        index = text.find(char, index + 1)
    return index


# --- when the sketch is needed ---------------------------------------------------------------

_DENSE_MIN_CHARS = 1 << 16
"""Pages shorter than this are never attribute-dense: their DOM is small whatever they hold."""


def _attribute_dense(text: str, limits: Limits) -> bool:
    """More than one ``=`` per `Limits.attribute_min_chars` characters (one ``str.count``):
    Lexbor keeps some 150 bytes per attribute, so a page of short attributes costs 30 times
    its size in memory."""
    return (
        limits.attribute_min_chars > 0 and len(text) >= _DENSE_MIN_CHARS
        and text.count("=") * limits.attribute_min_chars > len(text)
    )  # fmt: skip


_READ_ATTRIBUTES = frozenset(
    ("class", "id", "style", "hidden", "aria-hidden", "role", "itemprop", "href", "src",
     "data-src", "data-original", "data-lazy-src", "data-url", "srcset", "alt", "title",
     "lang", "xml:lang", "dir", "colspan", "rowspan", "value", "start", "reversed", "type",
     "content", "name", "property", "http-equiv", "charset", "rel", "datetime", "width",
     "height")
)  # fmt: skip
"""The attributes some stage reads: on an attribute-dense page, elements keep only these."""


def _read_attributes(attributes: str, max_attributes: int) -> str:
    """The attribute part of a start tag with only `_READ_ATTRIBUTES` (at most
    `max_attributes` of them), its self-closing slash kept."""
    kept = [
        a.group(0) for a in _ATTRIBUTE.finditer(attributes)
        if a.group(0).split("=", 1)[0].strip().lower() in _READ_ATTRIBUTES
    ][:max_attributes]  # fmt: skip
    closing = " /" if attributes.rstrip().endswith("/") else ""
    return (" " + " ".join(kept) if kept else "") + closing


# Below these counts, even the worst markup parses in a fraction of a second (quadratic cost
# of a few thousand squared), so the page is not rewritten, whatever its shape: ordinary
# pages cost nothing extra. Factors of the limits, so that raising a limit raises them.
_SKETCH_TAGS_PER_DEPTH = 16
_SKETCH_FORMATTING_PER_LIMIT = 8
_SKETCH_ATTRIBUTES_PER_LIMIT = 16  # as costly as one element with 16 * max_attributes
_FORMATTING_START = re.compile(
    r"<(?:b|big|code|em|font|i|nobr|s|small|strike|strong|tt|u)[\s/>]", re.IGNORECASE
)


def _may_exceed(text: str, tags: int, limits: Limits) -> bool:
    """Whether the page has enough tags, formatting tags or attributes to matter.

    Ordinary pages hold a few thousand tags; up to `_CHEAP_TAGS` nesting and formatting
    bombs cost a fraction of a second at worst, so only the one shape a short page can hide
    is looked for, with one cheap search: a start tag long enough for an attribute flood
    that would cost more than that (`_FLOOD_CHARS` before its ">"; a flood that hides ">"
    in every quoted value gets past this search, only on such short pages). Larger pages
    get the full counts.
    """
    ceiling = (_SKETCH_ATTRIBUTES_PER_LIMIT * limits.max_attributes) ** 2
    if tags <= _CHEAP_TAGS:
        if not _has_flood(text, _FLOOD_CHARS):
            return False
        return _attribute_cost(text, limits.max_attributes) > ceiling
    if tags > _SKETCH_TAGS_PER_DEPTH * limits.max_depth:
        return True
    floor = _SKETCH_FORMATTING_PER_LIMIT * limits.max_formatting
    if tags > floor and len(_FORMATTING_START.findall(text)) > floor:
        return True
    return _attribute_cost(text, limits.max_attributes) > ceiling


# Up to this many tags, nesting and formatting bombs stay cheap (~0.2 s at the very worst).
_CHEAP_TAGS = 2048
# Room for 10,000 attributes (two characters each), whose checks would cost ~0.3 s.
_FLOOD_CHARS = 20_000
_FLOOD = re.compile(rf"<[A-Za-z][^>]{{{_FLOOD_CHARS}}}")


def _attribute_cost(text: str, max_attributes: int) -> int:
    """What the parser's attribute checks would cost on the tags with more than
    `max_attributes` attributes, as the sum of their squared attribute counts.

    Read without context, so script code that looks like a tag counts too: such false
    candidates are common but cheap (a few hundred "attributes"), real floods are not.
    """
    if max_attributes >= len(text):
        return 0  # no tag has more attributes than the page has characters
    cost = done = 0
    for start in _long_tags(text, max_attributes):
        if start < done:
            continue  # inside the previous candidate
        match = _TOKEN.match(text, start)
        if match is None or match.group(3) is None:
            continue
        count = sum(1 for _ in _ATTRIBUTE.finditer(match.group(3)))
        cost += count * count
        done = match.end()
    return cost


# --- the tokens that matter --------------------------------------------------------------------

# One tag, comment or other markup declaration. The attribute part follows HTML's
# tokenizer: quotes matter only after "=", and an unclosed quote runs to the end (all
# quantifiers possessive: no backtracking, linear time).
_TOKEN = re.compile(
    r"<(?:"
    r"!--(?:-?>|.*?(?:--!?>|\Z))"  # comment: "<!-->" and "<!--->" are complete ones
    r"|[!?][^>]*+>?"  # doctype, bogus comment, processing instruction
    r"|/(?![A-Za-z])[^>]*+>?"  # "</" and no tag name: a bogus comment, or nothing
    r"|(/?)([A-Za-z][^\s/>]*+)((?:[^>\"'=]++|=\s*+\"[^\"]*+\"?|=\s*+'[^']*+'?|[=\"'])*+)(>?)"
    r")",
    re.DOTALL,
)
# One attribute (name and value) in the attribute part of a tag.
_ATTRIBUTE = re.compile(
    r"""[^\s/>="'][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"?|'[^']*+'?|[^\s>]*+))?|["'=][^\s/>]*+"""
)
# A start tag followed by at least %d items of its attribute part (runs of name or value
# characters, of separators, quoted values): every attribute takes at least one item, so this
# finds every tag with that many attributes, and some script code that looks like one.
# Atomic items: linear time.
_LONG_TAG = (
    r"<[A-Za-z][^\s/>]*+(?=(?>[^>\"'=\s/]++|[\s/]++|=\s*+\"[^\"]*+\"?|=\s*+'[^']*+'?|[=\"']){%d})"
)


def _long_tags_python(text: str, items: int) -> list[int]:
    """The starts of the ``_LONG_TAG % items`` matches in `text`."""
    return [m.start() for m in re.finditer(_LONG_TAG % items, text)]


# The shapes `_long_tags` must find as the regex does: floods (quoted, unquoted, unclosed,
# spaced "="), a name holding "<", Unicode spaces, tags cut by the text's end.
_LONG_TAG_SELF_TEST = (
    "<a b c d e f g h>x<i j=\"k>\" l = 'm' n o><p q=r s t u v w<x\u3000y\u2003z/1/2/3 4>"
    '<b<c 1 2 3 4 5 6 7 8 9><d e= "unclosed f g h i j k <e = = = = = = = = <f "g" \'h\' i'
)


def _has_flood_python(text: str, chars: int) -> bool:
    """Whether `_FLOOD` (for `_FLOOD_CHARS`; others for the self-test) matches in `text`."""
    pattern = _FLOOD if chars == _FLOOD_CHARS else re.compile(rf"<[A-Za-z][^>]{{{chars}}}")
    return pattern.search(text) is not None


_Scan = TypeVar("_Scan", bound=Callable[[str, int], object])


def _tested(name: str, python: _Scan) -> _Scan:
    """The kernel's scan `name` when the kernel is there and gives what `python` (the
    regex) gives on `_LONG_TAG_SELF_TEST` with 1 to 11 items (or characters); else `python`."""
    kernel = compiled_module()
    if kernel is None:
        return python
    try:
        compiled: _Scan = getattr(kernel, name)
        for n in range(1, 12):
            if compiled(_LONG_TAG_SELF_TEST, n) != python(_LONG_TAG_SELF_TEST, n):
                return python
    except Exception:  # noqa: BLE001 (a kernel built from other sources: any error)
        return python
    return compiled


_long_tags = _tested("long_tags", _long_tags_python)
"""The starts of the tags `_LONG_TAG` finds (the compiled scan, or the regex's)."""
_has_flood = _tested("has_flood", _has_flood_python)
"""Whether `_FLOOD` matches (the compiled scan, or the regex's)."""


def _attribute_cut(match: re.Match[str], max_attributes: int) -> int | None:
    """Where the attributes of a tag must end to keep `max_attributes` of them, or None."""
    attributes = match.group(3)
    if attributes is None or len(attributes) <= max_attributes:
        return None
    cut = None
    for count, attribute in enumerate(_ATTRIBUTE.finditer(attributes), 1):
        if count == max_attributes:
            cut = match.start(3) + attribute.end()
        elif count > max_attributes:
            return cut
    return None


def _tag_end(match: re.Match[str]) -> str:
    """How the tag ends, self-closing slash included, for a tag whose attributes are cut."""
    return ("/" if match.group(3).rstrip().endswith("/") else "") + match.group(4)


# --- the tree builder's state, sketched -------------------------------------------------------

_VOID = frozenset(
    ("area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
     "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr")
)  # fmt: skip
_ROOT = frozenset(("html", "head", "body", "frameset"))  # never nested by the tree builder
_RAW_TEXT = frozenset(
    ("script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
     "plaintext")
)  # fmt: skip
_FORMATTING = frozenset(
    ("a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong",
     "tt", "u")
)  # fmt: skip
# Elements that end the scope of an open <p> (and of other elements' end tags) below them.
_MARKERS = frozenset(
    ("applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
     "button", "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc",
     "title")
)  # fmt: skip
# Markers that also scope the list of active formatting elements.
_FORMATTING_MARKERS = frozenset(("applet", "caption", "td", "th", "marquee", "object", "template"))
_SPECIAL = frozenset(
    ("address", "applet", "area", "article", "aside", "base", "basefont", "bgsound",
     "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
     "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure",
     "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
     "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link",
     "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript",
     "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select",
     "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot",
     "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp", "mi", "mo", "mn", "ms",
     "mtext", "annotation-xml", "foreignobject", "desc")
)  # fmt: skip
# Start tags that close an open <p> first.
_CLOSES_P = frozenset(
    ("address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
     "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu",
     "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5",
     "h6", "pre", "listing", "form", "plaintext", "xmp", "li", "dd", "dt", "hr")
)  # fmt: skip
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# Start tags that close an open element of the same kind, unless one of the boundary
# elements is open above it (a <li> closes the previous <li>, not the one of an outer list).
_CLOSES_KIN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "tr": (("tr",), ("table", "tbody", "thead", "tfoot")),
    "td": (("td", "th"), ("tr", "table")),
    "th": (("td", "th"), ("tr", "table")),
    "tbody": (("tbody", "thead", "tfoot"), ("table",)),
    "thead": (("tbody", "thead", "tfoot"), ("table",)),
    "tfoot": (("tbody", "thead", "tfoot"), ("table",)),
    "option": (("option",), ("select", "datalist", "optgroup")),
    "optgroup": (("option", "optgroup"), ("select", "datalist")),
    "button": (("button",), ()),
    "nobr": (("nobr",), ()),
}
_TABLE_PARTS = frozenset(
    ("caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr")
)  # fmt: skip
_TABLE_ENDS = frozenset(("table", "tbody", "tfoot", "thead", "tr", "td", "th", "caption"))
# Foreign (SVG, MathML) content: where HTML resumes inside it, and the tags that leave it.
_FOREIGN_ROOTS = frozenset(("svg", "math"))
_INTEGRATION_POINTS = frozenset(
    ("foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml")
)  # fmt: skip
_BREAKOUT = frozenset(
    ("b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
     "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
     "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong",
     "strike", "sub", "sup", "table", "tt", "u", "ul", "var")
)  # fmt: skip
_FONT_BREAKOUT = re.compile(r"\b(?:color|face|size)\s*=", re.IGNORECASE)
_NOAHS_ARK = 3  # identical open formatting elements the spec keeps (the "Noah's Ark" clause)


@dataclass(slots=True)
class _Open:
    """An element on the sketched stack of open elements."""

    name: str
    """``""`` once removed from the middle of the stack (by the adoption agency)."""
    markers: int
    """Markers (`_MARKERS`) on the stack up to and including this element."""
    specials: int
    """Special elements (`_SPECIAL`) up to and including this one."""
    item_stops: int
    """Special elements other than address, div and p up to and including this one."""
    foreign: bool
    """An SVG/MathML element (not an HTML one)."""
    foreign_children: bool
    """Its children are SVG/MathML (foreign elements other than integration points)."""


@dataclass(slots=True)
class _FormattingRun:
    """The active formatting elements after one marker (a table cell, an ``<object>``...)."""

    by_key: dict[str, int] = field(default_factory=dict)
    """How many of each tag-and-attributes (at most `_NOAHS_ARK`)."""
    by_name: dict[str, list[str]] = field(default_factory=dict)
    """Their keys by tag, in document order."""
    size: int = 0


class _TreeSketch:
    """The stack of open elements and the list of active formatting elements, sketched.

    Follows the tree-construction rules that open and close elements closely enough to
    know, for each start tag, how deep it would land and how many formatting elements stay
    open; every operation is O(1) amortised (elements are found by name through `where`,
    scope checks compare running counts). Where it simplifies, it mostly errs towards
    keeping elements open, which only drops a tag more; what it leaves out (the formatting
    elements the parser re-opens in each new block) is bounded by `max_formatting`.
    """

    def __init__(self, limits: Limits, dense: bool = False) -> None:
        self.limits = limits
        self.dense = dense
        """Keep only `_READ_ATTRIBUTES` (an attribute-dense page)."""
        self.stack: list[_Open] = []
        self.depth = 0
        """Elements on the stack (removed ones left out)."""
        self.where: dict[str, list[int]] = {}
        """Stack positions of the open elements, by name."""
        self.formatting: list[_FormattingRun] = [_FormattingRun()]
        self.frameset = False
        self.options: dict[int, int] = {}
        """Options in each open <select>, by its stack position."""
        self.root_attributes: dict[str, int] = {}
        """Attributes given to <html> and <body> so far."""
        self.pieces: list[str] = []
        self.done = 0

    def rewrite(self, text: str, deadline: Deadline = NO_DEADLINE) -> tuple[str, bool]:
        """`text` with the tags beyond the limits dropped, and whether any was; past
        `deadline`, the text is cut at the tag reached."""
        pos = 0
        max_attributes = self.limits.max_attributes
        tokens = 0
        while True:
            match = _TOKEN.search(text, pos)
            if match is None:
                break
            tokens += 1
            if tokens % STRIDE == 0 and deadline.past():
                self._cut(text, match.start(), len(text), "")
                break
            pos = match.end()
            name = match.group(2)
            if name is None:
                continue  # comment, doctype
            name = name.lower()
            if match.group(1):
                self._end_tag(name)
                continue
            if not self._start_tag(name, match.group(3)):
                self._cut(text, match.start(), pos, "" if name in _FORMATTING else " ")
                continue
            if self.dense and "=" in match.group(3):
                kept = _read_attributes(match.group(3), max_attributes)
                if kept != match.group(3):
                    self._cut(text, match.start(3), match.end(3), kept)
            elif len(match.group(3)) > max_attributes:
                cut = _attribute_cut(match, max_attributes)
                if cut is not None:
                    self._cut(text, cut, pos, _tag_end(match))
            if self._starts_raw_text(name):
                if name == "plaintext":
                    break
                pos = _raw_text_end(text, name, pos)
        if not self.pieces:
            return text, False
        self.pieces.append(text[self.done :])
        return "".join(self.pieces), True

    def _cut(self, text: str, start: int, end: int, replacement: str) -> None:
        self.pieces += (text[self.done : start], replacement)
        self.done = end

    def _starts_raw_text(self, name: str) -> bool:
        """Whether the start tag just applied switches the tokenizer to text until its end
        tag. Not in SVG/MathML, nor where the tree builder ignores the tag: in a frameset
        page, or inside a <select> (which keeps only <script> and <textarea>)."""
        if name not in _RAW_TEXT or self.frameset:
            return False
        top = self.stack[-1] if self.stack else None
        if top is None or top.name != name or top.foreign:
            return False
        return not self.where.get("select") or name in ("script", "textarea")

    # --- start tags

    def _start_tag(self, name: str, attributes: str) -> bool:
        """Apply a start tag; False when it must be dropped (the sketch is then unchanged)."""
        if self._in_foreign():
            if name not in _BREAKOUT and not (name == "font" and _FONT_BREAKOUT.search(attributes)):
                return self._foreign_start(name, attributes)
            self._leave_foreign()
        if name in _ROOT:
            return self._root_start(name, attributes)
        if name in _TABLE_PARTS and not self.where.get("table"):
            return True  # ignored outside a table
        if (name == "option" or name == "optgroup") and self._select_full():
            return False
        if name == "form" and self.where.get("form"):
            return True  # a form inside a form is ignored
        if not self._implied_closes(name) and name not in _VOID and self._full(name):
            return False
        if name in _VOID:
            return True
        if name in _FORMATTING:
            self._add_formatting(name, attributes)
        self._push(name, foreign=name in _FOREIGN_ROOTS)
        if name in _FORMATTING_MARKERS:
            self.formatting.append(_FormattingRun())
        elif name == "select":
            self.options[len(self.stack) - 1] = 0
        elif (name == "option" or name == "optgroup") and self.where.get("select"):
            self.options[self.where["select"][-1]] += 1
        return True

    def _root_start(self, name: str, attributes: str) -> bool:
        """A later <html> or <body> tag adds its attributes to the root element: keep them
        to `max_attributes` in all (the parser checks each against those before it)."""
        if name == "frameset":
            self.frameset = True
        elif attributes.strip():
            total = self.root_attributes.get(name, 0) + len(_ATTRIBUTE.findall(attributes))
            if total > self.limits.max_attributes:
                return False
            self.root_attributes[name] = total
        return True

    def _select_full(self) -> bool:
        """Whether the open <select> holds `max_options` options already (the parser
        walks all the options of a list each time one is added)."""
        select = self.where.get("select")
        if not select:
            return False
        return self.options.get(select[-1], 0) >= self.limits.max_options

    def _full(self, name: str) -> bool:
        """Whether a new element `name` would go beyond the limits."""
        if name in _RAW_TEXT:
            return False  # text only inside: it cannot nest, and dropping it would show code
        if self.depth >= self.limits.max_depth:
            return True
        return name in _FORMATTING and self.formatting[-1].size >= self.limits.max_formatting

    def _implied_closes(self, name: str) -> bool:
        """Close what this start tag closes first (an open <p>, the previous <li>...);
        whether it closed anything. Nothing changes when it closes nothing."""
        before = (len(self.stack), self.formatting[-1].size)
        if name in _CLOSES_P:
            self._close_p()
        if name in _HEADINGS and self.stack and self.stack[-1].name in _HEADINGS:
            self._pop_to(len(self.stack) - 1)
        if name == "li":
            self._close_item(("li",))
        elif name == "dd" or name == "dt":
            self._close_item(("dd", "dt"))
        elif name == "a":
            self._close_formatting("a")
        kin = _CLOSES_KIN.get(name)
        if kin is not None:
            self._close_kin(*kin)
        return (len(self.stack), self.formatting[-1].size) != before

    def _add_formatting(self, name: str, attributes: str) -> None:
        run = self.formatting[-1]
        key = f"{name} {attributes.strip()}"
        count = run.by_key.get(key, 0)
        if count < _NOAHS_ARK:  # beyond, the spec replaces the earliest identical one
            run.by_key[key] = count + 1
            run.by_name.setdefault(name, []).append(key)
            run.size += 1

    def _foreign_start(self, name: str, attributes: str) -> bool:
        if attributes.rstrip().endswith("/"):
            return True  # self-closing: <path/>
        if self.depth >= self.limits.max_depth:
            return False
        self._push(name, foreign=True)
        return True

    def _leave_foreign(self) -> None:
        """An HTML tag inside SVG/MathML closes the foreign elements around it."""
        i = len(self.stack)
        while i and self.stack[i - 1].foreign and self.stack[i - 1].foreign_children:
            i -= 1
        self._pop_to(i)

    # --- end tags

    def _end_tag(self, name: str) -> None:
        if name in _ROOT:
            return
        if name in _TABLE_ENDS:
            i = self._top(name)
            if i >= 0 and (name == "table" or self._top("table") < i):
                self._pop_to(i)
        elif self._in_foreign():
            i = self._top(name)
            if i >= 0:
                self._pop_to(i)
        elif name in _FORMATTING:
            self._close_formatting(name)
        elif name == "li" or name == "dd" or name == "dt":
            self._close_item((name,))
        else:
            i = self._top(name)
            if i >= 0 and self._in_scope(i, special=name in _SPECIAL):
                self._pop_to(i)

    def _in_scope(self, i: int, *, special: bool) -> bool:
        """Whether an end tag reaches the element at position i: a block's end tag stops at
        a marker (a table cell...), any other end tag at any special element above it."""
        top, element = self.stack[-1], self.stack[i]
        if special:
            return top.markers == element.markers
        return top.specials == element.specials

    def _close_formatting(self, name: str) -> None:
        """The adoption agency, in effect: the element leaves the stack, and the elements
        opened inside it stay when one of them is a block (it keeps its children)."""
        keys = self.formatting[-1].by_name.get(name)
        if keys:
            run = self.formatting[-1]
            run.by_key[keys.pop()] -= 1
            run.size -= 1
        i = self._top(name)
        if i < 0 or self.stack[-1].markers != self.stack[i].markers:
            return
        if self.stack[-1].specials == self.stack[i].specials:
            self._pop_to(i)
            return
        self.where[name].pop()
        self.stack[i].name = ""
        self.depth -= 1

    # --- closing by scope

    def _close_p(self) -> None:
        i = self._top("p")
        if i >= 0 and self.stack[-1].markers == self.stack[i].markers:
            self._pop_to(i)

    def _close_item(self, names: tuple[str, ...]) -> None:
        i = max(self._top(n) for n in names)
        if i >= 0 and self.stack[-1].item_stops == self.stack[i].item_stops:
            self._pop_to(i)

    def _close_kin(self, names: tuple[str, ...], boundaries: tuple[str, ...]) -> None:
        i = max(self._top(n) for n in names)
        if i >= 0 and all(self._top(b) < i for b in boundaries):
            self._pop_to(i)

    # --- the stack

    def _in_foreign(self) -> bool:
        return bool(self.stack) and self.stack[-1].foreign_children

    def _top(self, name: str) -> int:
        where = self.where.get(name)
        return where[-1] if where else -1

    def _push(self, name: str, *, foreign: bool) -> None:
        last = self.stack[-1] if self.stack else _BOTTOM
        special = name in _SPECIAL and (not foreign or name in _INTEGRATION_POINTS)
        self.stack.append(
            _Open(
                name=name,
                markers=last.markers + (name in _MARKERS),
                specials=last.specials + special,
                item_stops=last.item_stops + (special and name not in _NOT_ITEM_STOPS),
                foreign=foreign,
                foreign_children=foreign and name not in _INTEGRATION_POINTS,
            )
        )
        self.where.setdefault(name, []).append(len(self.stack) - 1)
        self.depth += 1

    def _pop_to(self, i: int) -> None:
        """Pop the element at position i and everything above it."""
        stack, where = self.stack, self.where
        while len(stack) > i:
            element = stack.pop()
            if element.name:
                where[element.name].pop()
                self.depth -= 1
                if element.name in _FORMATTING_MARKERS and len(self.formatting) > 1:
                    self.formatting.pop()


_BOTTOM = _Open(name="", markers=0, specials=0, item_stops=0, foreign=False, foreign_children=False)
_NOT_ITEM_STOPS = frozenset(("address", "div", "p"))
_RAW_TEXT_END = {
    name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in _RAW_TEXT - {"plaintext"}
}


def _raw_text_end(text: str, name: str, pos: int) -> int:
    """Where the text content of a <script>, <style>, <textarea>... that starts at pos ends."""
    end = _RAW_TEXT_END[name].search(text, pos)
    return end.start() if end is not None else len(text)
