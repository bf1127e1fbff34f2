"""The decisions a block carries: why it was kept or dropped (`Reason`), and why a subtree
was pruned before scoring (`Pruned`). Each value has one sentence of meaning, which
``--explain`` and the HTML report's legend show.

A leaf module: every stage imports it, it imports no stage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

__all__ = ["MEANING", "PRUNE_MEANING", "PruneKind", "Pruned", "Reason"]


class Reason(StrEnum):
    """Why a block was kept or dropped (its value is what JSON and the explain views show)."""

    CONTENT = "content"
    HEADLINE = "headline"
    HEADING = "heading"
    LEAD = "lead"
    STANDFIRST = "standfirst"
    EXTENSION = "extension"
    BETWEEN_EXTENSION = "between-extension"
    SAME_STRUCTURE = "same-structure"
    PHOTO_ESSAY_CAPTION = "photo-essay-caption"
    SHORT_LIST_ITEM = "short-list-item"
    SHORT_TABLE_CELL = "short-table-cell"
    SHORT_CLOSING_LINE = "short-closing-line"
    SHORT_BETWEEN_CONTENT = "short-between-content"
    FALLBACK = "fallback"
    OUTSIDE_ARTICLE = "outside-article"
    NOT_INCLUDED = "not-included"
    NESTED_ARTICLE = "nested-article"
    PRUNED = "pruned"
    SHORT = "short"
    SHORT_AT_EDGE = "short-at-edge"
    HEADING_WITHOUT_TEXT = "heading-without-text"
    LINK_DENSE = "link-dense"
    CAPTION = "caption"
    LABEL = "label"
    PHOTO_CREDIT = "photo-credit"
    TABLE = "table"
    METADATA_LINE = "metadata-line"
    CALL_TO_ACTION = "call-to-action"
    DUPLICATE = "duplicate"
    DUPLICATE_COPY = "duplicate-copy"
    SITE_BOILERPLATE = "site-boilerplate"

    @property
    def meaning(self) -> str:
        """One sentence: what the decision means."""
        return MEANING[self]


MEANING: Final[Mapping[Reason, str]] = {
    Reason.CONTENT: "Kept: prose inside the chosen article region.",
    Reason.HEADLINE: "Dropped: the page's headline, or a heading that repeats it (the title, not body text).",
    Reason.HEADING: "Kept: a heading followed by kept text (or a long one after kept text).",
    Reason.LEAD: "Kept: a lead paragraph just above the article region (standfirst, intro).",
    Reason.STANDFIRST: "Kept: a standfirst (the summary line of the piece) beside the region.",
    Reason.EXTENSION: "Kept: prose next to the region that continues it.",
    Reason.BETWEEN_EXTENSION: "Kept: a short line between the region and kept prose beside it.",
    Reason.SAME_STRUCTURE: "Kept: outside the region but built as the region's text is (a split article).",
    Reason.PHOTO_ESSAY_CAPTION: "Kept: a caption of a photo essay, whose captions carry most of its text.",
    Reason.SHORT_LIST_ITEM: "Kept: a short item of a list whose other items are article text.",
    Reason.SHORT_TABLE_CELL: "Kept: a short cell of a table whose cells run beside kept text.",
    Reason.SHORT_CLOSING_LINE: "Kept: a short remark right after a kept paragraph of the same box.",
    Reason.SHORT_BETWEEN_CONTENT: "Kept: a short line between two kept paragraphs.",
    Reason.FALLBACK: "Kept: no region won, so the best-scoring text was taken.",
    Reason.OUTSIDE_ARTICLE: "Dropped: outside the chosen article region.",
    Reason.NOT_INCLUDED: "Dropped: outside the elements the include selector matched.",
    Reason.NESTED_ARTICLE: "Dropped: a second article inside the region (a teaser, a related story).",
    Reason.PRUNED: "Dropped before scoring: a subtree the prune stage removed (see pruned_by).",
    Reason.SHORT: "Dropped: a short line whose neighbours were never judged (the time budget ran out).",
    Reason.SHORT_AT_EDGE: "Dropped: a short line at the start or end of the body (furniture).",
    Reason.HEADING_WITHOUT_TEXT: "Dropped: a heading with no kept text after it.",
    Reason.LINK_DENSE: "Dropped: mostly link text (navigation, lists of links).",
    Reason.CAPTION: "Dropped: a caption of an image or figure.",
    Reason.LABEL: "Dropped: a form or interface label.",
    Reason.PHOTO_CREDIT: "Dropped: a photo or image credit line.",
    Reason.TABLE: "Dropped: a data table (the include_tables option keeps them).",
    Reason.METADATA_LINE: "Dropped: a byline, date or reading-time line (metadata, not body).",
    Reason.CALL_TO_ACTION: "Dropped: a closing newsletter pitch, follow-us line, desk credit or copyright notice.",
    Reason.DUPLICATE: "Dropped: a paragraph already kept once.",
    Reason.DUPLICATE_COPY: "Dropped: a second copy of the article the page ships.",
    Reason.SITE_BOILERPLATE: "Dropped: a line that the caller's SiteMemory found in the bodies of many pages of the site.",
}


class PruneKind(StrEnum):
    """What kind of evidence pruned a subtree."""

    HIDDEN = "hidden"
    ROLE = "role"
    CHROME = "chrome"
    CLASS = "class"
    FORM = "form"
    EXCLUDED = "excluded"

    @property
    def meaning(self) -> str:
        """One sentence: what the evidence is."""
        return PRUNE_MEANING[self]


PRUNE_MEANING: Final[Mapping[PruneKind, str]] = {
    PruneKind.HIDDEN: "Invisible: hidden, aria-hidden or an inline display:none.",
    PruneKind.ROLE: "An ARIA landmark role of page chrome (navigation, banner, search...).",
    PruneKind.CHROME: "An HTML element of page chrome (nav, footer, aside...).",
    PruneKind.CLASS: "A class or id naming page chrome (share, related, sidebar...): a guess.",
    PruneKind.FORM: "A form (search box, login, sign-up): a guess.",
    PruneKind.EXCLUDED: "Matched the caller's exclude selector.",
}

_GUESSES: Final = frozenset((PruneKind.CLASS, PruneKind.ROLE, PruneKind.FORM))


@dataclass(frozen=True, slots=True)
class Pruned:
    """One prune decision: its kind and what matched (a role, a tag or a class word)."""

    kind: PruneKind
    detail: str = ""

    @property
    def guessed(self) -> bool:
        """Whether the evidence is a guess (a class word, a role, a form) that a later pass
        may overrule when the subtree turns out to hold the article's text."""
        return self.kind in _GUESSES

    def __str__(self) -> str:
        return f"{self.kind}:{self.detail}" if self.detail else str(self.kind)
