"""The headline: the page's title references checked against the headings it displays.

References are what the page declares (JSON-LD headline, ``og:title``, ``twitter:title``,
``<title>``). A displayed heading (``h1``-``h3``, ``itemprop=headline``, elements whose class
or id says title/headline) that equals a reference, or equals a run of its separator-
delimited segments, is the headline: that removes the site name ("... - 新浪新闻",
"... | The Guardian") without any list of sites. Without such agreement the best reference
is used with the segments that name the site removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._headline import split_segments
from .._options import Options
from .._textstats import measure
from ._text import clean, fold

__all__ = ["TitleChoice", "choose_title"]

# Candidates: `_scan.TITLE_SELECTOR` (found with the page's other elements in one query).
_RANK = {"h1": 0, "h2": 2, "h3": 2}
# Segments beside the headline kept as site names: the outermost one (the next may be the
# blog's or author's own name: "标题 - 好看的hk - 博客园").
_SITE_HINTS = 1
# Elements whose text is never a displayed headline copy.
_NOT_COPIES = ("title", "script", "style", "meta")
_EXCLUDED_CLASS = re.compile(r"sub-?title|subhead|site-?title|logo|brand|widget|related|recommend|sidebar|nav|menu|footer|comment", re.IGNORECASE)


@dataclass(slots=True)
class TitleChoice:
    title: str | None = None
    nodes: list[LexborNode] = field(default_factory=list)
    """Displayed copies of the headline (bylines and dates are searched after them)."""
    site_hints: list[str] = field(default_factory=list)
    """Segments of a title reference left over beside the headline, outermost first: the
    site's name, then its section."""


def choose_title(tree: LexborHTMLParser, found: list[tuple[LexborNode, int]], references: list[str],
                 sites: list[str], options: Options) -> TitleChoice:  # fmt: skip
    """`found`: the headline candidates and their repetitions (`_scan.Scan.title`)."""
    refs = [r for r in dict.fromkeys(clean(r) for r in references) if r]
    site_keys = {fold(s) for s in sites if s}
    whole = {fold(r) for r in refs}
    # Each reference cut and its runs folded once (the site hints read them again).
    segmented = [split_segments(r) for r in refs]
    run_keys = [_run_keys(segments) for segments in segmented]
    runs = {run for keys in run_keys for run in keys}
    candidates = _candidates(found, options)
    best: tuple[int, int, int] | None = None
    choice = TitleChoice()
    for c in candidates:
        key = c.key
        if key in site_keys or not (key in whole or key in runs) or _excluded(c.node):
            continue
        text = c.text()
        score = (2 if key in whole else 1, measure(text), -c.rank)
        if best is None or score > best:
            best = score
            choice.title = text
    if choice.title is None:
        choice = _from_references(candidates, refs, site_keys)
    if choice.title is not None:
        choice.nodes = _copies(tree, candidates, choice.title, options)
        choice.site_hints = _site_hints(fold(choice.title), segmented, run_keys, _SITE_HINTS)
    return choice


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
        return self.cleaned if self.cleaned is not None else clean(self.raw)


def _candidates(found: list[tuple[LexborNode, int]], options: Options) -> list[_Candidate]:
    """The headline candidates with a text, each node once with its repetitions (a node
    counts once per selector part it matches, up to `title_max_candidates` in all)."""
    out: list[_Candidate] = []
    budget = options.title_max_candidates
    limit = options.title_max_chars
    for node, parts in found:
        if budget <= 0:
            break
        parts = min(parts, budget)
        budget -= parts
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
    return _site_hints(fold(title), segmented, [_run_keys(segments) for segments in segmented], limit)


def _copies(tree: LexborHTMLParser, candidates: list[_Candidate], title: str,
            options: Options) -> list[LexborNode]:  # fmt: skip
    """Displayed elements whose text is the headline (a page may repeat the article; a node
    is listed as often as it matched the candidate selector, as the copies always were)."""
    key = fold(title)
    out = [c.node for c in candidates if c.key == key for _ in range(c.parts)][: options.title_max_copies]
    if not out and '"' not in title and "\\" not in title:
        # A headline in a plain element (old table layouts): one C-level text query. The
        # elements never taken are ruled out first, so their text (scripts!) is not searched.
        for node in tree.css(f':not({", ".join(_NOT_COPIES)}):lexbor-contains("{title}")'):
            if node.tag not in _NOT_COPIES and fold(_node_text(node, options)) == key:
                out.append(node)
                if len(out) >= options.title_max_copies:
                    break
    return out


def _from_references(candidates: list[_Candidate], refs: list[str],
                     site_keys: set[str]) -> TitleChoice:  # fmt: skip
    """No displayed heading agrees: the first reference without the segments that name the
    site; without any reference, the first heading."""
    if not refs:
        first = next((c.text() for c in candidates if not _excluded(c.node)), None)
        return TitleChoice(first)
    ref = refs[0]
    segments = split_segments(ref)
    if len(segments) < 2:
        return TitleChoice(ref)
    kept = [s for s in segments if not _names_site(s, site_keys)]
    if kept and len(kept) < len(segments):
        # Keep the headline as written between the removed site segments.
        start, end = ref.find(kept[0]), ref.rfind(kept[-1]) + len(kept[-1])
        return TitleChoice(ref[start:end].strip() if 0 <= start < end else " ".join(kept))
    return TitleChoice(max(segments, key=measure))


def _names_site(segment: str, site_keys: set[str]) -> bool:
    key = fold(segment)
    return bool(key) and any(key == s or (len(s) >= 4 and (s in key or key in s)) for s in site_keys)
