"""Authors: credited names from bylines, JSON-LD, meta tags and author-marked elements.

Sources are tried from the most to the least specific; the first that yields a valid name
wins. A printed credit line (作者/记者/文/By/Von...) comes first: on Chinese portals the
``author`` meta tag often holds the editor or the site, while the printed byline does not.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Iterable, Iterator

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .. import _vocab
from .._head import PageMeta
from .._options import Options
from .._text import clean, clean_lines, fold
from .._textstats import has_han
from ._byline import (
    SURNAMES,
    is_coauthor,
    list_items,
    name_beside_date,
    names_in_byline,
    source_person,
    split_names,
)
from ._dateparse import search_text
from ._jsonld import JsonLd
from ._validate import is_site_name, plausible_name
from ._zone import node_lines

__all__ = ["find_authors"]

_META_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "parsely-author",
    "sailthru.author",
    "citation_author",
    "og:article:author",
    "shareaholic:article_author_name",
)
_ELEMENTS = (
    '[itemprop="author"], [rel="author"], [class*="author"], [id*="author"], [class*="byline"], '
    '[class*="Author"], [class*="writer"], [class*="reporter"], a[href*="/author/"], '
    '[class*="auteur"], [class*="autor"], [class*="Autor"]'  # French; German, Spanish, Italian
)
# A class or id that names the author (not "authorized", "authority"), in English or as
# French, German, Spanish and Italian pages name it ("auteurs", "autorin", "autore").
_AUTHOR_CLASS = regex.compile(
    r"(?:^|[^a-z])(?:authors?|bylines?|writers?|reporters?|byl|auteurs?|autor(?:in|es?|en)?)"
    r"(?![a-z])|Author|Byline|Writer|Autor",
    regex.I,
)
_SKIP_WORDS = _vocab.OTHER_PIECES_PARTS
_SKIP_ELEMENT = regex.compile(r"(?<![a-z])(?:" + "|".join(_SKIP_WORDS) + ")", regex.I)
_BY_PREFIX = regex.compile(
    r"^(?:by|von|par|por|di|door|autor(?:in)?|author|作者|文)\s*[:：/]?\s+", regex.I
)
# Organisations, not people, when they sign a Chinese credit line (新京报, 新华网, 央视新闻).
_ZH_ORG = regex.compile(
    r"(?:报|网|社|台|刊|频道|新闻|杂志|出版社|集团|公司|中心|研究院|网站|客户端)$"
)
_EDITOR_LABEL = r"(?:责任编辑|编辑|责编|编审|审核|校对)\s*[:：/]?\s*"
_LABEL_LINE = regex.compile(
    r"^(?:by|von|par|por|di|da|door|av|posted|written|published|author|autor|auteur|作者|文)\W*$",
    regex.I,
)
_MAX_ZH_NAME = 4  # Han characters of a Chinese personal name
_AT_HANDLE = regex.compile(r"^@[\w.]+$")
# A person's name in brackets right after the printed time, before the source.
_BRACKETED_AFTER_TIME = regex.compile(r"\d[日\d]\s{0,3}[\[【]\s{0,3}(\p{Han}{2,3})\s{0,3}[\]】]")


def find_authors(tree: LexborHTMLParser, *, headline_zones: list[str], end_zones: Callable[[], list[str]], body: str,
                 jsonld: JsonLd, meta: PageMeta, sites: list[str], hosts: list[str], options: Options,
                 before_zones: list[str]) -> tuple[str, ...]:  # fmt: skip
    """The credited authors, in page order, or () when none is credited.

    `headline_zones` are the texts printed after each copy of the headline, `end_zones`
    those at and after the article's end, `before_zones` the text just before the
    headline (where an author element may sit: "von Heiko" above the title); `hosts` the
    page's host names (a credit that is one names the site).
    """
    host_keys = {_unaccented(fold(h)) for h in hosts}
    page_text: list[str] = []  # computed at most once, only when an editor check needs it

    def valid(name: str, *, org_ok: bool) -> bool:
        if _AT_HANDLE.match(name) or not _plausible(name, options):
            return False
        if is_site_name(name, sites, options) or _unaccented(fold(name)) in host_keys:
            return False
        return org_ok or not (has_han(name) and _ZH_ORG.search(name))

    def not_editor(name: str) -> bool:
        """Meta tags and widgets on Chinese portals often name the editor: check the page."""
        if not has_han(name):
            return True
        if not page_text:
            root = tree.body
            page_text.append(root.text(separator="\n") if root is not None else "")
        # (A name absent from the page needs no pattern compiled.) A credit longer than a
        # name may be the editor's with the site before it ("青网新闻张毅", "责任编辑：张毅").
        if name not in page_text[0]:
            return True
        tails = [name[-2:], name[-3:]] if len(name) > _MAX_ZH_NAME else []
        return not any(
            regex.search(_EDITOR_LABEL + regex.escape(t) + r"(?!\p{Han})", page_text[0])
            for t in [name, *tails]
        )

    limit = options.author_max_names

    def texts() -> Iterator[str]:
        # Each text once: one met again (a headline listed twice) has nothing new.
        seen: set[str] = set()
        groups: tuple[Callable[[], list[str]], ...] = (
            # The text just before the headline last: a credit above the title ("Text &
            # Fotos: X" under the kicker).
            lambda: headline_zones,
            end_zones,
            lambda: _body_ends(body, options.body_byline_window),
            lambda: before_zones,
        )
        for group in groups:
            for text in group():  # the end zones only when reached
                if text not in seen:
                    seen.add(text)
                    yield text

    sources: list[tuple[Callable[[], Iterable[list[str]]], bool, bool]] = [
        # (candidate credits, made on demand; organisations allowed; editor check)
        (lambda: [jsonld.authors], False, False),
        (lambda: (names_in_byline(t, options) for t in texts()), False, False),
        (lambda: (names_in_byline(t, options, reporters=True) for t in texts()), False, False),
        (lambda: [_from_meta(meta, options)], False, True),
        # A labelled credit in an author element away from the article's text ("Erstellt von
        # X" after the related links): the label says whose piece it is.
        (lambda: _from_elements(tree, options, labelled_only=True), False, True),
        (
            lambda: _near(
                _from_elements(tree, options),
                lambda: itertools.chain(texts(), before_zones),
                options,
            ),
            True,
            True,
        ),
        (lambda: [dateline_account(tree, headline_zones, options)], False, False),
        (lambda: [source_person(list(texts()))], False, False),
        (lambda: [name_beside_date(headline_zones, options)], False, False),
    ]

    spelled: dict[str, str] = {}  # fold(name) -> the name as printed; read when first asked
    spelled_read: list[bool] = []

    def printed(name: str) -> str:
        """A declared account name ("arianschlichenmayer") as the byline by the headline
        prints it ("von Arian Schlichenmayer"), when one does."""
        if " " in name or has_han(name):
            return name
        if not spelled_read:  # (the texts around the headline only: the end zones cost a DOM query)
            spelled_read.append(True)
            for text in headline_zones + before_zones:
                for shown in names_in_byline(text, options):
                    if " " in shown:
                        spelled.setdefault(fold(shown), shown)
        return spelled.get(fold(name), name)

    for credits, org_ok, check_editor in sources:
        for credit in credits():
            names = [n for n in dict.fromkeys(clean(n) for n in credit) if valid(n, org_ok=org_ok)]
            names = [printed(n) for n in names]
            if check_editor:
                names = [n for n in names if not_editor(n)]
            if names:
                return tuple(names[:limit])
    return ()


def _unaccented(key: str) -> str:
    """`key` without combining marks: host names drop the accents ("La República" on
    larepublica.pe)."""
    if key.isascii():
        return key
    return "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))


def dateline_account(tree: LexborHTMLParser, zones: list[str], options: Options) -> list[str]:
    """The unlabelled account name printed beside the date under the headline
    ("GameForce / 2019-09-04 22:18"), when the page also links it (a profile link). Only on
    Chinese pages: elsewhere the link beside the date is a category."""
    for zone in zones:
        if not has_han(zone):
            continue  # self-media accounts without a label: a Chinese portal convention
        lines = [line.strip() for line in zone.split("\n") if line.strip()]
        for i, line in enumerate(lines):
            if not search_text(line):
                continue
            bracketed = _BRACKETED_AFTER_TIME.search("\n".join(lines[i : i + 2]))
            if bracketed is not None and bracketed.group(1)[0] in SURNAMES:
                return [bracketed.group(1)]  # "2004年7月16日08:19 [ 黄宇 ] 来源："
            # What follows the date on its own line ("10:10 新浪财经") is what sits beside
            # it; the next line only when the date ends its line.
            after = _after_date(line)
            for candidate in (
                lines[i - 1 : i][::-1]
                + lines[max(0, i - 2) : max(0, i - 1)]
                + ([after] if after else lines[i + 1 : i + 2])
            ):
                if len(candidate) <= options.author_max_chars and _linked(tree, candidate):
                    return [candidate]
            break
    return []


def _after_date(line: str) -> str:
    """The words of `line` after its last one holding a digit (the date's end)."""
    words = line.split()
    last = max((i for i, w in enumerate(words) if any(c.isdigit() for c in w)), default=-1)
    return " ".join(words[last + 1 :])


def _linked(tree: LexborHTMLParser, text: str) -> bool:
    if '"' in text or "\\" in text or any(c.isdigit() for c in text):
        return False
    return any(clean(a.text(deep=True)) == text for a in tree.css(f'a:lexbor-contains("{text}")'))


def _near(credits: Iterable[list[str]], texts: Callable[[], Iterable[str]],
          options: Options) -> Iterator[list[str]]:  # fmt: skip
    """Credits printed next to the article (author widgets elsewhere name other writers)."""
    pool: list[str] | None = None  # the texts, listed once for all the credits
    for credit in credits:
        if pool is None:
            pool = list(texts())
        shown = [n for n in credit if any(n in t for t in pool)]
        if shown:
            yield shown + _listed_after(shown[-1], pool, options)


def _listed_after(name: str, pool: list[str], options: Options) -> list[str]:
    """The co-authors printed after `name` in elements of their own, the separators between
    them ("Isabel Caro", ",", "Rocío Latorre", "y", "José Miguel Wilson"); a line that
    ends without a separator ends the list."""
    for text in pool:
        lines = text.split("\n")
        start = next((i for i, line in enumerate(lines) if line.startswith(name)), -1)
        if start < 0:
            continue
        items: list[tuple[bool, str]] = []
        for line in lines[start : start + 2 * options.author_max_names]:
            items.extend(list_items(line))
        if not items or items[0] != (False, name):
            return []
        out: list[str] = []
        at = 1  # a separator, then a name, and so on
        while at + 1 < len(items) and items[at][0] and not items[at + 1][0]:
            part = items[at + 1][1]
            if len(part) > options.author_max_chars or not is_coauthor(name, part):
                break
            out.append(part)
            at += 2
        return out[: options.author_max_names]
    return []


def _body_ends(body: str, window: int) -> list[str]:
    """The end of the body (where signatures are), from a line's start (a window cut in a
    sentence would start with its last words: "... von Größe der Muffins"), then its start."""
    if not body:
        return []
    end = body[-window:]
    if len(body) > window and body[-window - 1] != "\n":
        # after the first line break, else the first sentence's end (a long last paragraph)
        line, sentence = end.find("\n"), end.find(". ")
        end = end[line + 1 :] if line >= 0 else end[sentence + 2 :] if sentence >= 0 else end
    return [end, body[:window]]


def _from_meta(meta: PageMeta, options: Options) -> list[str]:
    out: list[str] = []
    for key in _META_KEYS:
        for value in meta.all(key):
            # URLs (article:author) and placeholders with an address are no names.
            if not value or value.startswith(("http://", "https://", "/")) or "@" in value:
                continue
            value = _BY_PREFIX.sub("", value)
            out.extend(split_names(value, max_names=options.author_max_names))
        if out:
            return out
    return out


def _from_elements(
    tree: LexborHTMLParser, options: Options, *, labelled_only: bool = False
) -> Iterator[list[str]]:
    """Names in author-marked elements, in page order: the `name` child, the content
    attribute, else the first line of the text (with `labelled_only`, only the names a
    byline label credits)."""
    last = 0
    read = 0  # the elements whose text was read: skipping one costs a few attribute reads
    for node in tree.css(_ELEMENTS):
        if read >= options.author_max_elements:
            break
        # A node matching several parts is listed once per part, one after the other: its
        # credit, refused the first time, is not read again.
        if node.mem_id == last:
            continue
        last = node.mem_id
        if _skipped(node):
            continue
        read += 1
        text = _element_text(node)
        if not text:
            continue
        names = names_in_byline(text, options)
        if not names and not labelled_only:
            # An unlabelled element: its first line that is not a label word is the name.
            first = next((line for line in text.split("\n") if not _LABEL_LINE.match(line)), "")
            if len(first) <= options.author_max_chars:
                names = split_names(_BY_PREFIX.sub("", first), max_names=options.author_max_names)
            # One part that is no name makes the line a phrase, not a list of names ("#Law
            # in New Zealand and Poland": "Poland" alone is no author).
            if not all(_plausible(n, options) for n in names):
                names = []
        if names:
            yield names


def _plausible(name: str, options: Options) -> bool:
    return plausible_name(
        name, max_han=options.author_max_han, max_words=options.author_max_words,
        max_chars=options.author_max_chars,
    )  # fmt: skip


def _skipped(node: LexborNode) -> bool:
    if node.tag == "h1":
        return True  # a masthead marked as the site's hCard ("h1.vcard.author"), no byline
    attrs = node.attributes
    marked = attrs.get("itemprop") is not None or attrs.get("rel") is not None or node.tag == "a"
    if not marked and not _AUTHOR_CLASS.search(
        f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    ):
        return True
    if _skip_names(attrs):
        return True
    parent = node.parent
    return parent is not None and _skip_names(parent.attributes)


def _skip_names(attrs: dict[str, str | None]) -> bool:
    """The class or id names a part of the page that credits others (comments, widgets)."""
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if names.isascii():
        # Each match holds one of the words; most names hold none (ASCII: lower() is exact).
        low = names.lower()
        if not any(word in low for word in _SKIP_WORDS):
            return False
    return _SKIP_ELEMENT.search(names) is not None


def _has_element_child(node: LexborNode) -> bool:
    child = node.child
    while child is not None:
        if not (child.is_text_node or child.is_comment_node):
            return True
        child = child.next
    return False


def _element_text(node: LexborNode) -> str:
    """The `name` child (schema.org, or hCard's `fn`: "vom <span class="fn">X</span>"), the
    content attribute, else the text, one line per text node."""
    # css_first looks at the node itself, then its descendants: skipped without any.
    if node.attributes.get("itemprop") != "name" and _has_element_child(node):
        named = node.css_first('[itemprop="name"], .fn')
        if named is not None:
            node = named
    content = node.attributes.get("content")
    if content:
        return clean(content)
    return clean_lines(node_lines(node))
