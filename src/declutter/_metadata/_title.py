"""The headline: the page's title references checked against the headings it displays.

References are what the page declares (JSON-LD headline, ``og:title``, ``twitter:title``,
``<title>``). A displayed heading (``h1``-``h3``, ``itemprop=headline``, elements whose class
or id says title/headline) that equals a reference, or equals a run of its separator-
delimited segments, is the headline: that removes the site name ("... - 新浪新闻",
"... | The Guardian") without any list of sites. A heading agrees too when it shows a
segment's part after a kicker and a colon, or a segment after a kicker of its own. Without
such agreement, a heading that shows the declared title without a qualifier ("..., Place")
or the page's only h1 is the headline, else the best reference with the segments that name
the site removed. Without any reference: a heading where the body starts, the first
heading, or a first body line in large or bold type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._head import names_site
from .._headline import split_segments
from .._options import Options
from .._text import clean, fold
from .._textstats import measure

__all__ = ["TitleChoice", "choose_title"]

# Candidates: `_scan.TITLE_SELECTOR` (found with the page's other elements in one query).
_RANK = {"h1": 0, "h2": 2, "h3": 2}
# Elements whose text is never a displayed headline copy.
_NOT_COPIES = ("title", "script", "style", "meta")
_EXCLUDED_CLASS = re.compile(
    r"sub-?title|subhead|site-?title|logo|brand|widget|related|recommend|sidebar|nav|menu|footer|comment|breadcrumb",
    re.IGNORECASE,
)
# A headline's leading element that names its topic, not the headline ("Klimaschutz",
# "Einheit der Woche"): newsroom names for the line above a headline, and <small>.
_KICKER_CLASS = re.compile(
    r"kicker|overline|roofline|topline|toptitle|dachzeile|eyebrow|sub-?heading|subtitle|small|topic|label|rubric|titleheader",
    re.IGNORECASE,
)
# Text kept for screen readers or hidden by the page (a ": " between kicker and headline).
# (the classes of screen-reader text; "hidden" and "aural" only as whole names, so that
# "overflow-hidden" stays visible)
_HIDDEN_CLASS = re.compile(
    r"visually-?hidden|sr-only|screen-reader|(?:^|\s)(?:hidden|aural)(?:\s|$)", re.IGNORECASE
)
_HIDDEN_SELECTOR = (
    '[aria-hidden="true"], [hidden], [class~="hidden"], [class~="aural"], [class*="visually-hidden" i], '
    '[class*="visuallyhidden" i], [class*="sr-only" i], [class*="screen-reader" i]'
)
# A subtitle inside the headline element: the standfirst, not the headline.
_SUBTITLE_SELECTOR = '[class*="subtitle" i], [class*="sub-title" i]'
_BLANK = frozenset(("br", "wbr"))
# What opens a qualifier a declared title adds after the headline: a place after a comma,
# an issue or a date in brackets.
_QUALIFIER_OPENERS = (",", "(", "[")
# A headline-like block: large or bold type, and no sentence's end.
_EMPHASIS_TAGS = frozenset(("b", "strong", "big", "center", "h4", "h5", "h6"))
_DEFAULT_FONT_SIZE = 3  # HTML's <font size> scale runs from 1 to 7
_SENTENCE_ENDS = (".", ",", ";", "。", "，", "；")
# What separates a title's segments (`.._headline.split_segments`), as it may end a title.
_SEPARATOR_CHARS = "-–—|·•»«›‹:/~_"

# Signs that start a headline's part: quotes, a bracket that opens a part, inverted marks.
_HEADLINE_MARKS = frozenset("\"'„“”‚‘’«»‹›(¿¡….$€£%&@")
# Punctuation that follows a word without a space: one the element texts' separator put
# before it is dropped ("THW</abbr>: ..." is "THW: ...", not "THW : ...").
_CLOSING = frozenset(":;,.!?)]}%")
_REPLACEMENT_CHAR = "\ufffd"


@dataclass(slots=True)
class TitleChoice:
    title: str | None = None
    nodes: list[LexborNode] = field(default_factory=list)
    """Displayed copies of the headline (bylines and dates are searched after them)."""
    site_hints: list[str] = field(default_factory=list)
    """Segments of a title reference left over beside the headline, outermost first: the
    site's name, then its section."""


def choose_title(tree: LexborHTMLParser, found: list[tuple[LexborNode, int]], references: list[str],
                 sites: list[str], options: Options, body: str = "") -> TitleChoice:  # fmt: skip
    """`found`: the headline candidates and their repetitions (`_scan.Scan.title`); `body`:
    the extracted text, whose first lines may show the headline."""
    site_keys = {fold(s) for s in sites if s}
    refs = [r for r in dict.fromkeys(clean(r) for r in references) if r]
    refs = [r for r in refs if not _headless(r, site_keys, options.title_site_only_min_share)]
    whole = {fold(r) for r in refs}
    # Each reference cut and its runs folded once (the site hints read them again).
    segmented = [split_segments(r) for r in refs]
    run_keys = [_run_keys(segments) for segments in segmented]
    runs = {run for segments, keys in zip(segmented, run_keys, strict=True)
            for run, (i, j) in keys.items() if _may_be_headline(segments, i, j)}  # fmt: skip
    # A segment's part after a kicker and a colon ("Industriell Revolutioniert?: Anno
    # 1800 Beta") agrees too: the page may show the kicker apart.
    tails = {fold(t) for segments in segmented for s in segments if (t := _after_kicker(s))}
    candidates = _candidates(found, options)
    # The lone h1 is looked for among all headings found, not only the candidates read
    # (menus and teasers named "title" can use up the candidate budget before the h1).
    h1 = _lone_h1_node(found)
    best: tuple[int, int, bool, int] | None = None
    matched: LexborNode | None = None
    choice = TitleChoice()
    for c in candidates:
        key, text = c.key, None
        if ":" in c.raw and not (key in whole or key in runs or key in tails):
            # A heading that shows a kicker before the declared headline and a colon
            # ("<a>Eintracht Presse</a> : Eintracht Frankfurt stellt ..."): its headline.
            tail = _after_kicker(c.text())
            if fold(tail) in whole or fold(tail) in runs:
                key, text = fold(tail), tail
        agrees = key in whole or key in runs or key in tails
        if key in site_keys or not agrees or _excluded(c.node):
            continue
        text = text or c.text()
        # Copies that differ in case or spacing: the one spelled as declared.
        score = (2 if key in whole else 1, measure(text), text in refs, -c.rank)
        if best is None or score > best:
            best = score
            choice.title = text
            matched = c.node
    if best is not None and best[3] < 0 and matched is not None:
        # A lower heading agrees with the declared title, and the page's only h1, elsewhere,
        # shows it with more ("Saftiger Zitronenkuchen vom Blech: einfach köstlich!" over
        # the recipe card's h2 of the declared words): the h1 is the headline as shown.
        # (A part of the h1 itself that agrees is its headline without the kicker.)
        shown = _lone_h1(h1, site_keys, options)
        if (
            h1 is not None
            and shown is not None
            and choice.title is not None
            and not _inside(matched, h1)
            and _extends(shown, choice.title)
        ):
            choice.title = shown
    if choice.title is None:
        choice = _from_references(candidates, refs, site_keys, options, h1=h1, body=body)
        if choice.title is None and not refs:
            choice.title = _headline_block(tree, body, options)
    if choice.title is not None:
        choice.nodes = _copies(tree, candidates, choice.title, options) or _near_copies(
            candidates, choice.title, options
        )
        choice.site_hints = _site_hints(
            fold(choice.title), segmented, run_keys, options.title_site_hints
        )
        if not choice.site_hints and refs:  # a displayed headline the references word otherwise
            choice.site_hints = _site_hints(
                fold(_declared(refs[0], site_keys, options.site_name_min_chars)),
                segmented,
                run_keys,
                options.title_site_hints,
            )
        # The headline as displayed, without the topic line its element starts with.
        headline = next(iter(choice.nodes), None)
        bare = _without_kicker(headline, options) if headline is not None else None
        if bare is not None:
            choice.title = bare
        choice.title = _without_ornament(choice.title)
    return choice


def _headless(ref: str, site_keys: set[str], min_share: float) -> bool:
    """`ref` is the site's name and a separator with nothing after it ("National Rail
    Enquiries -" on nationalrail.co.uk): a template whose headline is empty. The name
    starts with a site name that has at least `min_share` of its characters."""
    kept = ref.rstrip(_SEPARATOR_CHARS)
    if len(kept) == len(ref) or not kept.endswith(" "):
        return False
    key = fold(kept)
    return any(key.startswith(s) and len(s) >= min_share * len(key) for s in site_keys if s)


def _without_ornament(title: str) -> str:
    """`title` without a leading token of symbols only ("[> Jens Weber", "• Impressum"):
    a bullet or an arrow of the theme, no part of the headline (quotes, brackets that
    open a part and signs such as "#1" or "¿" are kept)."""
    first, _, rest = title.partition(" ")
    if not rest or any(c.isalnum() or c in _HEADLINE_MARKS for c in first):
        return title
    return rest.lstrip()


class _Candidate(NamedTuple):
    """A headline candidate: its folded text first, its clean text when asked (most
    candidates are compared by key only)."""

    rank: int
    node: LexborNode
    raw: str
    cleaned: str | None
    key: str
    parts: int

    def text(self) -> str:
        text = self.cleaned if self.cleaned is not None else clean(self.raw)
        return _as_joined(text, self.node)


def _candidates(found: list[tuple[LexborNode, int]], options: Options) -> list[_Candidate]:
    """The headline candidates with a text, each node once with its repetitions (a node
    counts once per selector part it matches, up to `title_max_candidates` in all). The h1s
    past that budget are read all the same, up to as many again: menus and teasers named
    "title" can use it up before the page's headline."""
    out: list[_Candidate] = []
    budget = h1_budget = options.title_max_candidates
    limit = options.title_max_chars
    for node, parts in found:
        if budget > 0:
            parts = min(parts, budget)
            budget -= parts
        elif node.tag == "h1" and h1_budget > 0:
            h1_budget -= 1
        else:
            continue
        raw = node.text(deep=True, separator=" ")
        text = None
        if len(raw) <= limit and "&" not in raw:
            # What `clean` removes, `fold` removes too: the key without cleaning, and
            # `clean` only shortens, so the text is within the limit.
            key = fold(raw)
        else:
            text = _node_text(node, options, raw)
            key = fold(text) if text else ""
        if key:
            # h1 first, then elements named title/headline, then h2 and h3.
            out.append(_Candidate(_RANK.get(node.tag or "", 1), node, raw, text, key, parts))
    return out


def _node_text(node: LexborNode, options: Options, raw: str | None = None) -> str:
    if raw is None:
        raw = node.text(deep=True, separator=" ")
    # Length check before cleaning: wrappers named "title" can hold a whole page.
    if len(raw) > options.title_max_chars * 2:
        return ""
    text = clean(raw)
    return text if 0 < len(text) <= options.title_max_chars else ""


def _excluded(node: LexborNode) -> bool:
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return bool(names.strip()) and _EXCLUDED_CLASS.search(names) is not None


def _after_kicker(segment: str) -> str:
    """What follows the last colon (and a space) in `segment`, "" without one."""
    head, colon, tail = segment.rpartition(": ")
    return tail if colon and head.strip() else ""


def _may_be_headline(segments: list[str], i: int, j: int) -> bool:
    """segments[i:j] may be the headline: several segments, or the first, the last or the
    longest alone (a middle one alone is a section or a keyword: "Drucker • Etiketten •
    Service | Firma")."""
    return j - i > 1 or i in (0, len(segments) - 1) or len(segments[i]) == max(map(len, segments))


def _run_keys(segments: list[str]) -> dict[str, tuple[int, int]]:
    """The folded texts of the proper runs of consecutive segments (headline candidates),
    each with its first run, (i, j) for segments[i:j], in order of i then j."""
    n = len(segments)
    out: dict[str, tuple[int, int]] = {}
    for i in range(n):
        for j in range(i + 1, n + 1):
            if (i, j) != (0, n):
                out.setdefault(fold(" ".join(segments[i:j])), (i, j))
    return out


def _site_hints(key: str, segmented: list[list[str]], run_keys: list[dict[str, tuple[int, int]]],
                limit: int) -> list[str]:  # fmt: skip
    """`site_hints` of the title folded as `key`, from the references' segments and runs."""
    for segments, keys in zip(segmented, run_keys, strict=True):
        run = keys.get(key) if len(segments) > 1 else None
        if run is None:
            continue
        i, j = run
        rest = list(reversed(segments[j:])) if j < len(segments) else segments[:i]
        return rest[:limit]
    return []


def site_hints(title: str, refs: list[str], limit: int) -> list[str]:
    """What a reference has beside the headline, outermost segment first ("新浪网",
    "新浪财经" for "标题_新浪财经_新浪网")."""
    segmented = [split_segments(ref) for ref in refs]
    return _site_hints(
        fold(title), segmented, [_run_keys(segments) for segments in segmented], limit
    )


def _copies(tree: LexborHTMLParser, candidates: list[_Candidate], title: str,
            options: Options) -> list[LexborNode]:  # fmt: skip
    """Displayed elements whose text is the headline (a page may repeat the article; a node
    is listed as often as it matched the candidate selector, as the copies always were);
    h1s first, then elements named title/headline, then h2 and h3 (teasers repeat a
    headline in an h2 before the article's h1)."""
    key = fold(title)
    shown = sorted((c for c in candidates if c.key == key), key=lambda c: c.rank)
    out = [c.node for c in shown for _ in range(c.parts)][: options.title_max_copies]
    if not out and '"' not in title and "\\" not in title:
        # A headline in a plain element (old table layouts): one C-level text query. The
        # elements never taken are ruled out first, so their text (scripts!) is not searched.
        for node in tree.css(f':not({", ".join(_NOT_COPIES)}):lexbor-contains("{title}")'):
            if node.tag not in _NOT_COPIES and fold(_node_text(node, options)) == key:
                out.append(node)
                if len(out) >= options.title_max_copies:
                    break
    return out


def _near_copies(candidates: list[_Candidate], title: str, options: Options) -> list[LexborNode]:
    """No element shows the headline as declared: the h1s that show most of it ("Headline"
    of "Headline, Place"), where the byline and the date follow all the same."""
    key = fold(title)
    share = options.title_anchor_min_share
    out = [
        c.node for c in candidates
        if c.rank == 0 and (c.key in key or key in c.key) and not _excluded(c.node)
        and min(len(c.key), len(key)) >= share * max(len(c.key), len(key))
    ]  # fmt: skip
    return out[: options.title_max_copies]


def _from_references(candidates: list[_Candidate], refs: list[str], site_keys: set[str],
                     options: Options, *, h1: LexborNode | None, body: str) -> TitleChoice:  # fmt: skip
    """No displayed heading agrees: the page's only <h1> when it is a headline (what the
    reader sees, when the declared titles were written for search engines), else the first
    reference without the segments that name the site; without any reference, the first
    heading that is a line where the body starts, else the first heading."""
    if not refs:
        return TitleChoice(_first_heading(candidates, body, options.title_body_lines))
    declared = _declared(refs[0], site_keys, options.site_name_min_chars)
    unqualified = _unqualified(candidates, declared, options.title_qualified_min_share)
    if unqualified is not None:
        return TitleChoice(unqualified)
    shown = _lone_h1(h1, site_keys, options)
    if shown is not None and _h1_wins(shown, declared):
        return TitleChoice(shown)
    return TitleChoice(declared)


def _headline_block(tree: LexborHTMLParser, body: str, options: Options) -> str | None:
    """No title reference, no heading: the body's first line when it is short, does not
    end as a sentence and is shown in large or bold type (old layouts' "<center><b><font
    size=5>Headline</font></b></center>")."""
    line = clean(body.split("\n", 1)[0])
    if (
        not line
        or line.endswith(_SENTENCE_ENDS)
        or measure(line) > options.title_block_max_words
        or len(line) > options.title_max_chars
    ):
        return None
    # The page's line breaks may differ from the body's spaces: found by its longest word.
    probe = max(line.split(), key=len)
    if '"' in probe or "\\" in probe:
        return None
    key = fold(line)
    for node in tree.css(f':not({", ".join(_NOT_COPIES)}):lexbor-contains("{probe}")'):
        if _emphasised(node) and fold(_node_text(node, options)) == key:
            return line
    return None


def _emphasised(node: LexborNode) -> bool:
    """Bold or large type: <b>, <strong>, <big>, <center>, a minor heading, or a <font>
    above the default size ("5", "+2")."""
    if node.tag != "font":
        return node.tag in _EMPHASIS_TAGS
    size = (node.attributes.get("size") or "").strip()
    return size.startswith("+") or (size.isdigit() and int(size) > _DEFAULT_FONT_SIZE)


def _first_heading(candidates: list[_Candidate], body: str, lines: int) -> str | None:
    """The first heading, or a later one of its rank or higher that is one of the body's
    first `lines` lines (the post's title after a sidebar's "Categories")."""
    shown = [c for c in candidates if not _excluded(c.node)]
    if not shown:
        return None
    lead = {fold(line) for line in body.split("\n", lines)[:lines]}
    first = next((c for c in shown if c.key in lead and c.rank <= shown[0].rank), shown[0])
    return first.text()


def _unqualified(candidates: list[_Candidate], declared: str, min_share: float) -> str | None:
    """The highest displayed heading that shows `declared` without the qualifier after it
    ("Grab-Bote fliegt nach Singapur" of "Grab-Bote fliegt nach Singapur, Thailand")."""
    for c in sorted(candidates, key=lambda c: c.rank):
        text = c.text()
        rest = declared[len(text) :].lstrip()
        if (
            rest.startswith(_QUALIFIER_OPENERS)
            and declared.startswith(text)
            and len(text) >= min_share * len(declared)
            and not _excluded(c.node)
        ):
            return text
    return None


def _declared(ref: str, site_keys: set[str], min_site_chars: int) -> str:
    """`ref` without the segments that name the site."""
    segments = split_segments(ref)
    if len(segments) < 2:
        return ref
    kept = [s for s in segments if not names_site(fold(s), site_keys, min_site_chars)]
    if kept and len(kept) < len(segments):
        # Keep the headline as written between the removed site segments.
        start, end = ref.find(kept[0]), ref.rfind(kept[-1]) + len(kept[-1])
        return ref[start:end].strip() if 0 <= start < end else " ".join(kept)
    return max(segments, key=measure)


def _lone_h1_node(found: list[tuple[LexborNode, int]]) -> LexborNode | None:
    """The page's only <h1> with a text, when it may be a headline (not excluded or
    hidden)."""
    h1s: list[LexborNode] = []
    for node, _ in found:
        if node.tag == "h1" and fold(node.text(deep=True, separator=" ")):
            h1s.append(node)
            if len(h1s) > 1:
                return None
    if len(h1s) != 1 or _excluded(h1s[0]) or _hidden(h1s[0]):
        return None
    return h1s[0]


def _inside(node: LexborNode, ancestor: LexborNode) -> bool:
    """`node` is `ancestor` or one of its descendants."""
    current: LexborNode | None = node
    while current is not None:
        if current.mem_id == ancestor.mem_id:
            return True
        current = current.parent
    return False


def _lone_h1(h1: LexborNode | None, site_keys: set[str], options: Options) -> str | None:
    """The text of the page's only <h1> (`_lone_h1_node`), unless it names the site (a
    blog's name in its header) or is too short to be a headline."""
    if h1 is None:
        return None
    text = _shown_text(h1)
    key = fold(text)
    if _REPLACEMENT_CHAR in text or len(key) < options.title_h1_min_chars:
        return None
    if any(
        key.startswith(s) or s.startswith(key)
        for s in site_keys
        if len(s) >= options.site_name_min_chars
    ):
        return None
    return text


def _h1_wins(shown: str, declared: str) -> bool:
    """The lone h1 replaces the declared title, unless one is the other with a kicker: a
    shorter h1 inside the declared title is a section or a cut ("privacy policy" of "Site
    privacy policy"), except after a kicker and a colon ("Kicker: Headline"); a longer h1
    that ends with the declared title after a space adds a kicker to it."""
    shown_key, declared_key = fold(shown), fold(declared)
    if shown_key == declared_key:
        return True
    if shown_key in declared_key:
        head, _, tail = declared.rpartition(":")
        return bool(head.strip()) and fold(tail) == shown_key
    return not shown.endswith((" " + declared, "\xa0" + declared))


def _extends(shown: str, title: str) -> bool:
    """`shown` holds `title` as whole words, and more."""
    at = shown.find(title)
    if at < 0 or len(shown) == len(title):
        return False
    end = at + len(title)
    return (at == 0 or not shown[at - 1].isalnum()) and (
        end == len(shown) or not shown[end].isalnum()
    )


def _as_joined(spaced: str, node: LexborNode) -> str:
    """`spaced` (the node's cleaned text with a space between every two text nodes)
    without the spaces put before closing punctuation that the page does not show."""
    if not any(f" {c}" in spaced for c in _CLOSING):
        return spaced
    joined = clean(node.text(deep=True, separator=""))
    if joined.replace(" ", "") != spaced.replace(" ", ""):
        return spaced  # (hidden parts removed from `spaced`: no alignment)
    out: list[str] = []
    at = 0  # position in `joined`; every space of `joined` is one of `spaced`
    for i, char in enumerate(spaced):
        if char != " " or (at < len(joined) and joined[at] == " "):
            out.append(char)
            at += 1
        elif i + 1 == len(spaced) or spaced[i + 1] not in _CLOSING:
            out.append(char)  # a space between elements (blocks, a <br>) stays
    return "".join(out)


def _shown_text(node: LexborNode) -> str:
    """The element's text without what it hides ("<span class=visually-hidden>Headline:")
    and without a subtitle it ends with ("<small class=article-subtitle>")."""
    text = node.text(deep=True, separator=" ")
    for hidden in node.css(_HIDDEN_SELECTOR):
        if hidden is not node:
            text = text.replace(hidden.text(deep=True, separator=" "), " ", 1)
    for subtitle in node.css(_SUBTITLE_SELECTOR):
        tail = subtitle.text(deep=True, separator=" ").strip()
        if (
            subtitle is not node and tail and text.rstrip().endswith(tail)
        ):  # (a leading one is a kicker)
            text = text.rstrip()[: -len(tail)]
    return _as_joined(clean(text), node)


def _without_kicker(node: LexborNode, options: Options) -> str | None:
    """The headline's text without the topic line its element starts with ("<span
    class=kicker>Klimaschutz</span><span class=visually-hidden>: </span>Bohren..."), or
    None when it starts with none. A kicker is a leading child marked as such, or followed
    by a line break, with the headline's text after it."""
    children = _element_children(node)
    if (
        len(children) == 1
        and children[0].tag in ("a", "div", "span")
        and not _is_kicker(children[0], None)
    ):
        children = _element_children(children[0])  # a link or wrapper around the parts
    if len(children) < 2 or children[0].is_text_node:
        return None
    first, second = children[0], children[1]
    if not _is_kicker(first, second):
        return None
    rest = clean(" ".join(_visible_text(c) for c in children[1:]))
    kicker = clean(_visible_text(first))
    if not kicker or len(fold(rest)) < options.title_h1_min_chars or len(kicker) >= len(rest):
        return None
    return rest


def _element_children(node: LexborNode) -> list[LexborNode]:
    """The node's children that show text or break a line, blank text nodes left out."""
    out: list[LexborNode] = []
    child = node.child
    while child is not None:
        if child.is_text_node:
            if (child.text_content or "").strip():
                out.append(child)
        elif not child.is_comment_node and not _hidden(child):
            out.append(child)
        child = child.next
    return out


def _is_kicker(node: LexborNode, after: LexborNode | None) -> bool:
    if node.tag == "small":
        return True
    names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
    if _KICKER_CLASS.search(names):
        return True
    return after is not None and after.tag in _BLANK


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if attrs.get("aria-hidden") == "true" or "hidden" in attrs:
        return True
    return bool(attrs.get("class")) and _HIDDEN_CLASS.search(attrs.get("class") or "") is not None


def _visible_text(node: LexborNode) -> str:
    if node.is_text_node:
        return node.text_content or ""
    return " " if node.tag in _BLANK else node.text(deep=True, separator=" ")
