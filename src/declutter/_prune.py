"""Stage 3, prune: decide which subtrees are page chrome or invisible.

The tree is not touched: the stage returns a plan (element id -> reason) that the segment
stage honours while it walks, so later stages (metadata, clean HTML output) still see the
whole page. Decisions come in two tiers:

* structural: invisible elements (``hidden``, ``aria-hidden``, inline ``display:none``),
  HTML's own chrome elements (``nav``, ``footer``, ``aside``) and ARIA landmark roles;
* vocabulary: containers whose class/id carries a generic chrome word (``share``,
  ``related``, ``sidebar``...; see `_vocab`) and no content word that outranks it.

The vocabulary tier is a guess, so it never removes an element that holds the page's
headline (``<h1>``) or an ``<article>``/``<main>`` element: themes name their outer wrapper
"content-sidebar-wrap" or "left-side" as often as their sidebar. The orchestrator also
retries without the tier when it leaves too little text (as Readability does with its
"unlikely candidates").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import _selectors, _vocab
from ._headline import TitleKeys
from ._options import Options
from ._reasons import Pruned, PruneKind

__all__ = ["PrunePlan", "plan", "plan_page"]

_STRUCTURAL_SELECTOR = ", ".join(
    [
        *sorted(_vocab.CHROME_TAGS),
        '[hidden], [aria-hidden="true"], [style], [role], input[type="hidden"]',
    ]
)
_LANDMARK_SELECTOR = 'h1, article, main, [itemprop="articleBody"]'
_LANDMARK_OR_HEADING_SELECTOR = _LANDMARK_SELECTOR + ", h2, h3"
_HEADINGS = frozenset(("h2", "h3"))

_INVISIBLE_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CHROME_ROLES = frozenset(
    ("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
     "dialog", "alertdialog", "toolbar", "tablist", "form")
)  # fmt: skip
_STRONG = _vocab.ClassVocabulary(
    _vocab.BOILERPLATE_CLASS,
    _vocab.BOILERPLATE_CLASS_PREFIXES,
    _vocab.BOILERPLATE_CLASS_NOT_PREFIXES,
)
_WEAK = _vocab.ClassVocabulary(_vocab.WEAK_BOILERPLATE_CLASS)
_CONTENT = _vocab.ClassVocabulary(_vocab.CONTENT_CLASS)
_HIDDEN, _FORM, _EXCLUDED = (
    Pruned(PruneKind.HIDDEN),
    Pruned(PruneKind.FORM),
    Pruned(PruneKind.EXCLUDED),
)


@dataclass(slots=True)
class PrunePlan:
    """The prune decisions for one page.

    Structural decisions are made up front, by element (``mem_id``). Vocabulary decisions
    are made on demand for the block-level elements the segment walk opens, from the
    class/id string it has already read, and cached by that string for the page.
    """

    structural: dict[int, Pruned] = field(default_factory=dict)
    use_vocabulary: bool = True
    protected: set[int] = field(default_factory=set)
    """Elements the vocabulary never prunes: they enclose the headline or the article."""
    overruled: set[int] = field(default_factory=set)
    """Elements whose class or role decision a later pass reversed (see `_pipeline`)."""
    _cache: dict[str, Pruned | None] = field(default_factory=dict)

    def vocabulary(self, mem_id: int, tag: str, classes: str) -> Pruned | None:
        """``class:<word>`` when the vocabulary prunes this element, ``form`` for a form
        (a search box, a login, a newsletter sign-up; one that wraps the whole page, as
        ASP.NET's do, encloses the headline and is protected), else None."""
        if (
            not self.use_vocabulary
            or tag in _vocab.NEVER_PRUNED_TAGS
            or mem_id in self.protected
            or mem_id in self.overruled
        ):
            return None
        if tag == "form":
            return _FORM
        if not classes:
            return None
        try:
            return self._cache[classes]
        except KeyError:
            reason = self._cache[classes] = vocabulary_reason(classes)
            return reason


def plan_page(
    tree: LexborHTMLParser, title: TitleKeys, options: Options
) -> tuple[PrunePlan, list[LexborNode]]:
    """`plan` for the page in `tree` as `options` ask, and the elements the caller's
    include selectors match (`Options.include`: the article, when any matches)."""
    root = tree.body or tree.root
    included = _selectors.matches(root, options.include)
    excluded = _selectors.matches(root, options.exclude)
    pruned = plan(
        tree,
        use_vocabulary=options.prune_by_class,
        title=title,
        excluded=excluded,
        included=included,
    )
    return pruned, included


def plan(
    tree: LexborHTMLParser, *, use_vocabulary: bool = True, title: TitleKeys | None = None,
    excluded: Sequence[LexborNode] = (), included: Sequence[LexborNode] = (),
) -> PrunePlan:  # fmt: skip
    """Find the chrome and invisible subtrees of `tree`; `title` lets the vocabulary spare
    the boxes of the heading that repeats the page's title. The caller's `excluded`
    elements are pruned (``excluded``); its `included` ones, the article, and the elements
    around them are never pruned (what they hold still is)."""
    result = PrunePlan(use_vocabulary=use_vocabulary)
    root = tree.body or tree.root
    if root is None:
        return result
    for node in root.css(_STRUCTURAL_SELECTOR):  # one walk of the tree for both kinds
        reason = _invisible_or_role(node)
        if reason is None and node.tag in _vocab.CHROME_TAGS:
            reason = Pruned(PruneKind.CHROME, node.tag)
        if reason:
            result.structural[node.mem_id] = reason
    if use_vocabulary:
        result.protected = _landmark_ancestors(root, title)
    for node in excluded:
        result.structural[node.mem_id] = _EXCLUDED
    kept = _with_ancestors(included)
    for mem_id in kept:
        result.structural.pop(mem_id, None)
    result.protected |= kept
    return result


def _with_ancestors(nodes: Sequence[LexborNode]) -> set[int]:
    seen: set[int] = set()
    for node in nodes:
        current: LexborNode | None = node
        while current is not None and current.mem_id not in seen:
            seen.add(current.mem_id)
            current = current.parent
    return seen


def _landmark_ancestors(root: LexborNode, title: TitleKeys | None) -> set[int]:
    """Ids of the elements that enclose an ``<h1>``, an article, a main element, or a
    heading that repeats the page's title."""
    seen: set[int] = set()
    matching = title is not None and bool(title.keys)
    landmarks = [
        node
        for node in root.css(_LANDMARK_SELECTOR if not matching else _LANDMARK_OR_HEADING_SELECTOR)
        if node.tag not in _HEADINGS or (title is not None and title.match(node.text(strip=True)))
    ]
    for node in landmarks:
        parent = node.parent
        while parent is not None and parent.mem_id not in seen:
            seen.add(parent.mem_id)
            parent = parent.parent
    return seen


def _invisible_or_role(node: LexborNode) -> Pruned | None:
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true" or attrs.get("type") == "hidden":
        return _HIDDEN
    style = attrs.get("style")
    if style and _INVISIBLE_STYLE.search(style):
        return _HIDDEN
    role = attrs.get("role")
    if role and role.strip().lower() in _CHROME_ROLES:
        return Pruned(PruneKind.ROLE, role.strip().lower())
    return None


def vocabulary_reason(attribute: str) -> Pruned | None:
    """``class:<word>`` when a class/id attribute names page chrome, else None."""
    tokens = _vocab.class_tokens(attribute)
    strong = _STRONG.match(tokens)
    if strong:
        return Pruned(PruneKind.CLASS, strong)
    weak = _WEAK.match(tokens)
    if weak and not _CONTENT.match(tokens):
        return Pruned(PruneKind.CLASS, weak)
    return None
