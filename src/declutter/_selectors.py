"""The caller's CSS selectors (`Options.include`, `Options.exclude`): checked once, matched
against the page's tree by Lexbor's own selector engine.

`exclude` names subtrees that are pruned before scoring, as chrome is; `include` names the
article itself: when it matches, its elements are the article region (see `_pipeline`).
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

__all__ = ["check", "matches"]


def check(name: str, selector: str | None) -> None:
    """Raise ValueError when `selector` (the field `name`) is not a CSS selector list that
    Lexbor can run."""
    if selector is None:
        return
    try:  # Lexbor parses a selector when it runs it: run it on a tiny tree
        LexborHTMLParser("<p></p>").css(selector)
    except SelectolaxError:
        raise ValueError(f"Options.{name} is not a valid CSS selector: {selector!r}") from None


def matches(root: LexborNode | None, selector: str | None) -> list[LexborNode]:
    """The elements under `root` that `selector` matches, in document order; none when
    `selector` or `root` (a page with no element) is None."""
    return [] if selector is None or root is None else list(root.css(selector))
