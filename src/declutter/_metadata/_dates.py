"""Publication and modification dates, from the most to the least reliable source.

Order: JSON-LD, meta (OpenGraph, Dublin Core, itemprop, portal conventions), ``<time>``
and other date-marked elements (not a comment's, a related list's or an embedded post's),
the text around the headline, the URL path. What the page prints then has the last word:
a dateline near the headline (a short line holding a date with its year) that names
another day than the declared date replaces it, unless another dateline there agrees with
the declaration or the URL's date sides with it; a date read in the prose under the
headline gives way to a dateline, the URL's full date or the article's signature line.
Finally the printed text refines a structured date of the same day (portals put the crawl
or update time in their meta tags, and readers see the printed time).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .. import _vocab
from .._head import PageMeta
from .._options import Options
from .._segment import visible_text
from ._dateparse import (
    MONTH_NAMES,
    DateValue,
    first_date,
    has_year,
    make_date,
    parse_structured,
    search_text,
)
from ._jsonld import JsonLd
from ._validate import plausible_date

__all__ = ["DateResult", "find_dates"]

_PUBLISHED_KEYS = (
    "article:published_time", "og:published_time", "article:published", "datepublished",
    "og:release_date", "publishdate", "publish-date", "publish_date", "pubdate", "publishtime",
    "publish_time", "published_time", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created",
    "citation_publication_date", "citation_date", "date", "article:create_at",
    "article.published", "created", "ptime", "releasedate", "datecreated",
)  # fmt: skip
_MODIFIED_KEYS = (
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
    "dc.date.modified", "last-modified", "article:update_at", "article.updated",
    "lastmod", "dateupdate", "dateupdated", "modified",
)  # fmt: skip
# Elements whose class or id names a date: read from their (short) text.
_DATE_ELEMENTS = (
    '[class*="date"], [class*="time"], [id*="date"], [id*="time"], [class*="pub"], '
    '[class*="Date"], [class*="Time"]'
)
# The boxes of other posts (comments, related lists, sidebars, teasers): their dates are theirs.
_OTHER_POST_WORDS = _vocab.OTHER_PIECES_PARTS
# Where a page prints other pages' dates (and its own footer's), as CSS.
_ASIDE_ELEMENTS = ", ".join(
    f'[{attr}*="{word}" i]' for word in (*_OTHER_POST_WORDS, "footer") for attr in ("class", "id")
)
# Labels of an account's dates in a forum's or blog's post header ("Registriert: 18.09.2008",
# "Joined: Sep 2008"), and the line they label (literal alternatives: linear to match).
_ACCOUNT_LABEL = re.compile(
    r"registriert|registered|joined|member since|mitglied seit|dabei seit|inscrit|registrado",
    re.IGNORECASE,
)
_ACCOUNT_LINE = re.compile(r"(?:" + _ACCOUNT_LABEL.pattern + r")[^\n]*", re.IGNORECASE)
# Words that mark a dateline as an update's (literal alternatives: linear to match).
_UPDATE_LABEL = re.compile(
    r"updated|update:|aktualisiert|geändert|mis à jour|actualizado|actualizada|aggiornato"
    r"|bijgewerkt|modified|edited|更新",
    re.IGNORECASE,
)
# A line that ends as a sentence ("... war am 3. Mai 2019 ein anderer.") is prose, not a
# dateline ("3:18 p.m." ends with an abbreviation).
_PROSE_END = re.compile(r"[^\W\d_]{3}[.!?]\s*$")
# Containers of other posts' dates (a footer holds the article's own: not here).
_OTHER_POST = re.compile("|".join(_OTHER_POST_WORDS), re.IGNORECASE)
_MODIFIED_CLASS = re.compile(r"updat|modif|edited", re.IGNORECASE)
_SKIP_CLASS = re.compile(
    "|".join((*_OTHER_POST_WORDS, "footer", "copyright", "timeline", "runtime", "weather")),
    re.IGNORECASE,
)
# Words that introduce a publication date in page text; "update" words are left out (the
# modification date is not the publication date). Literal alternatives: linear to match.
_PUBLISHED_LABEL = re.compile(
    r"(?<!\w)(?:veröffentlicht|erschienen|gepostet|publiziert|geschrieben|erstellt|datum|stand"
    r"|wurde am|published|posted|written|date|publié|publicado|pubblicato|fecha|data"
    r"|gepubliceerd|geplaatst|publicerad|opublikowano|发布|发表|发布时间|日期)(?!\w)",
    re.IGNORECASE,
)
# Labels that end their clause, after the date (German participles).
_VERB_FINAL = re.compile(
    r"veröffentlicht|erschienen|gepostet|publiziert|geschrieben|erstellt", re.IGNORECASE
)
# What may stand between a publication label and its date: a colon, a preposition.
_LABEL_GAP = re.compile(
    r"\s{0,3}[:：]?\s{0,3}(?:(?:am|on|le|el|il|den|vom|um|the)(?![^\W\d_])[:：]?\s{0,3})?",
    re.IGNORECASE,
)
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# Time zones lie within ±14 hours of UTC, in steps of 15 minutes.
_MAX_ZONE_MINUTES = 14 * 60
_ZONE_STEP_MINUTES = 15
# A full date in the URL path: y/m/d with one separator and a one- or two-digit month and day
# (a one-digit day not followed by a slug: "/2023/10/3-questions" is a month), or yyyymmdd.
_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?:(?P<sep>[/_.-])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
    r"(?P<d>(?:0[1-9]|[12]\d|3[01])(?!\d)|[1-9](?![\w-]))"
    r"|(?P<m8>0[1-9]|1[0-2])(?P<d8>0[1-9]|[12]\d|3[01])(?!\d))"
)


# A year and month alone as path segments ("/2023/10/3-fragen", "/news/2022-08/slug").
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)[/_-](?P<m>0?[1-9]|1[0-2])(?=/)")


# Meta keys of no standard that name a publication ("five_hundred_pixels:uploaded").
_OTHER_PUBLISHED_KEY = re.compile(r"publish|upload|creat|releas|issued|pubdate", re.IGNORECASE)
_NOT_PUBLISHED_KEY = re.compile(r"modif|updat|expir|edit|review|birth|end|start", re.IGNORECASE)
# A publication date in a page's own JSON (state for scripts, not JSON-LD): the key, then
# an ISO date; literal alternatives and bounded runs, linear to match.
_SCRIPT_DATE = re.compile(
    r'"(?:datePublished|publishedAt|published_at|publishDate|publish_date|publicationDate|'
    r'firstPublished|createdAt|created_at|dateCreated|uploadDate|pubDate)"\s{0,4}:\s{0,4}"'
    r"((?:19|20)\d\d-\d\d-\d\d[T \d:.+\-Z]{0,25})\""
)


@dataclass(frozen=True, slots=True)
class DateResult:
    date: str | None = None
    modified: str | None = None
    source: str | None = None


def find_dates(tree: LexborHTMLParser, *, time_elements: list[LexborNode], jsonld: JsonLd, meta: PageMeta, zones: list[str],
               end_zones: Callable[[], list[str]], url: str | None, day_first: bool, options: Options,
               reference_time: datetime | None, headline: LexborNode | None = None) -> DateResult:  # fmt: skip
    """`time_elements`: the page's ``time[datetime]`` and ``itemprop=datePublished`` elements
    (`_scan`); `zones`: text around the `headline`; `end_zones`: text at the article's end (on
    demand)."""
    check = _Checker(options, reference_time, day_first)
    zones = [_without_account_lines(zone) for zone in zones]
    end_zones = _EndsWithoutAccounts(end_zones)
    modified = check.structured(jsonld.date_modified) or _first(
        check.structured, meta.each(*_MODIFIED_KEYS)
    )
    published: DateValue | None = None
    source: str | None = None
    finders: tuple[tuple[str, Callable[[], DateValue | None]], ...] = (
        ("json-ld", lambda: check.structured(jsonld.date_published)),
        ("meta", lambda: _first(check.structured, meta.each(*_PUBLISHED_KEYS))),
        ("time", lambda: _from_time_elements(time_elements, check, options)),
    )
    for name, find in finders:
        published = find()
        if published is not None:
            source = name
            break
    known = published or modified
    hint = known.year if known else (reference_time.year if reference_time else None)
    printed = _from_zones(zones, check, hint, reference_time)
    if published is None and printed is not None:
        published, source = printed, "text"
        if not _on_dateline(zones, check, printed):
            # A date in the prose ("am 18. Oktober eröffnet") is the event's: a dateline
            # near the headline, the URL's full date, or a dateline at the article's end
            # (its signature) is the page's.
            dateline = _first_dateline(zones, check)
            in_url = None if dateline else _from_url(url, check)
            signed = None if dateline or in_url else _first_dateline(end_zones(), check)
            if dateline or signed:
                published = dateline or signed
            elif in_url:
                published, source = in_url, "url"
    shown = _shown_day(zones, check, published, _Asides(tree, headline, options), _url_date(url))
    if shown is not None:
        published, source = shown, "text"
    labelled = _labelled(zones, check, options)
    if labelled is not None and (published is None or labelled.day_key() != published.day_key()):
        # A date printed under the headline after a publication label ("Veröffentlicht am",
        # "Erschienen am:") says what the page calls its publication, whatever the markup says.
        published, source = labelled, "text"
    if published is None:
        published = _from_date_elements(tree, check, options)
        source = "time" if published is not None else None
    if published is None:
        published = _from_labels(tree, check, options)
        source = "text" if published is not None else None
    if published is None:
        published = _from_url(url, check)
        source = "url" if published is not None else None
    if published is None:
        # Last resorts: what the page declares in a form nobody standardised.
        published = _first(check.structured, _other_meta(meta)) or _from_scripts(
            tree, check, options
        )
        source = "meta" if published is not None else None
    if published is None:
        published = _from_url(meta.first("og:image", "twitter:image"), check)
        source = "url" if published is not None else None
    # The date at the article's end: the last resort, or the time of a date without one
    # (comments follow the article, so it never overrides a time).
    at_end = None
    if published is None or not published.has_time:
        at_end = _from_zones(end_zones(), check, hint, reference_time)
    if published is None and at_end is not None:
        published, source = at_end, "text"
    for candidate in (printed, at_end):
        if published is not None and candidate is not None and candidate is not published:
            refined = _refine(published, candidate)
            if refined is not published:
                published, source = refined, "text"
                break
    return DateResult(
        published.iso() if published else None, modified.iso() if modified else None, source
    )


class _Checker:
    """Parsing and plausibility with the page's settings."""

    def __init__(self, options: Options, reference_time: datetime | None, day_first: bool) -> None:
        self.options, self.reference_time, self.day_first = options, reference_time, day_first

    def ok(self, value: DateValue | None) -> DateValue | None:
        if value is None:
            return None
        o = self.options
        good = plausible_date(value, min_year=o.date_min_year, reference_time=self.reference_time,
                              skew_hours=o.date_clock_skew_hours)  # fmt: skip
        return value if good else None

    def structured(self, raw: str | None) -> DateValue | None:
        return self.ok(parse_structured(raw, day_first=self.day_first)) if raw else None

    def in_text(self, text: str, year_hint: int | None = None) -> DateValue | None:
        """The first plausible date written in `text`."""
        return first_date(text, self._plausible, day_first=self.day_first, year_hint=year_hint,
                          reference_time=self.reference_time)  # fmt: skip

    def _plausible(self, value: DateValue) -> bool:
        return self.ok(value) is not None


def _first(parse: Callable[[str], DateValue | None], values: Iterable[str]) -> DateValue | None:
    for raw in values:
        value = parse(raw)
        if value is not None:
            return value
    return None


def _from_time_elements(
    nodes: list[LexborNode], check: _Checker, options: Options
) -> DateValue | None:
    """`<time datetime>` and itemprop=datePublished, by their machine-readable attribute."""
    for node in nodes[: options.date_max_elements]:
        attrs = node.attributes
        # (an hAtom <abbr class=published title="2017-09-09T10:52:00+02:00"> keeps it in title)
        raw = (
            attrs.get("datetime")
            or attrs.get("content")
            or (attrs.get("title") if node.tag == "abbr" else None)
        )
        if raw and not _skipped(node) and not _quoted(node, options):
            value = check.structured(raw)
            if value is not None:
                return value
    return None


def _from_date_elements(
    tree: LexborHTMLParser, check: _Checker, options: Options
) -> DateValue | None:
    """Short elements whose class or id names a date (a long one is a container: its first
    date may be anything)."""
    for node in tree.css(_DATE_ELEMENTS)[: options.date_max_elements]:
        if _skipped(node) or _quoted(node, options):
            continue
        text = node.text(deep=True, separator=" ")
        if text and len(text) <= options.date_element_max_chars:
            value = check.in_text(text)
            if value is not None:
                return value
    return None


def _from_labels(tree: LexborHTMLParser, check: _Checker, options: Options) -> DateValue | None:
    """The first date printed right after a publication label anywhere in the page's text
    (footers and sidebars of blogs say "Dieser Artikel wurde am 3. Mai 2015 veröffentlicht")."""
    body = tree.body
    if body is None:
        return None
    # (not the scripts' text: a comment in an ad's code says "Erstellt 02.06.10")
    text = visible_text(body)[: options.date_label_scan_chars]
    for hit in itertools.islice(_PUBLISHED_LABEL.finditer(text), options.date_label_max_hits):
        window = text[hit.end() : hit.end() + options.date_label_window]
        value = check.in_text(window)
        if value is None and _VERB_FINAL.fullmatch(hit.group()):
            # German puts the participle last: "wurde am 3. Dezember 2011 veröffentlicht"
            before = text[max(0, hit.start() - options.date_label_window) : hit.start()]
            found = [v for v in search_text(before, day_first=check.day_first) if check.ok(v)]
            value = found[-1] if found else None
        if value is not None:
            return value
    return None


def _labelled(zones: list[str], check: _Checker, options: Options) -> DateValue | None:
    """The first date that directly follows a publication label in the text around the
    headline ("Veröffentlicht am 16.08.2019", "发布时间：2022-02-13"; not "发布《规定》，自
    2022年2月10日起施行", where the label word is prose)."""
    for zone in dict.fromkeys(zones):
        for hit in itertools.islice(_PUBLISHED_LABEL.finditer(zone), options.date_label_max_hits):
            gap = _LABEL_GAP.match(zone, hit.end())
            rest = zone[gap.end() : gap.end() + options.date_label_window] if gap else ""
            value = check.in_text(rest) if _starts_a_date(rest) else None
            if value is not None:
                return value
    return None


def _starts_a_date(text: str) -> bool:
    """`text` opens with a number or a month's name (not with more prose)."""
    if text[:1].isdigit():
        return True
    word = _FIRST_WORD.match(text)
    return word is not None and word.group().casefold() in MONTH_NAMES


def _skipped(node: LexborNode) -> bool:
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('itemprop') or ''}"
    return _MODIFIED_CLASS.search(names) is not None or _SKIP_CLASS.search(names) is not None


def _quoted(node: LexborNode, options: Options) -> bool:
    """`node` dates another post: it sits in a comment, a related list, a sidebar or an
    embedded post (a quoted tweet or Instagram post is a ``blockquote``), within
    `date_context_levels` ancestors (a "has-sidebar" page wrapper is further up)."""
    parent = node.parent
    for _ in range(options.date_context_levels):
        if parent is None:
            return False
        if parent.tag == "blockquote":
            return True
        attrs = parent.attributes
        if _OTHER_POST.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
            return True
        parent = parent.parent
    return False


def _without_account_lines(zone: str) -> str:
    """`zone` without the lines that date an account, not a post ("Registriert: 18.09.2008")."""
    return _ACCOUNT_LINE.sub("", zone) if _ACCOUNT_LABEL.search(zone) else zone


class _EndsWithoutAccounts:
    """The end zones (read on demand) without their account lines."""

    def __init__(self, end_zones: Callable[[], list[str]]) -> None:
        self._end_zones = end_zones

    def __call__(self) -> list[str]:
        return [_without_account_lines(zone) for zone in self._end_zones()]


def _from_zones(zones: list[str], check: _Checker, year_hint: int | None,
                reference_time: datetime | None) -> DateValue | None:  # fmt: skip
    # A zone met again (a headline listed twice) has no date this time either.
    for zone in dict.fromkeys(zones):
        value = check.in_text(zone, year_hint)
        if value is not None:
            return value
    return None


def _shown_day(zones: list[str], check: _Checker, declared: DateValue | None,
               asides: _Asides, url_date: tuple[int, int, int | None] | None) -> DateValue | None:  # fmt: skip
    """The day of the first dateline near the headline, when no dateline there prints the
    declared day: what readers see dates the page (a CMS stamps its meta with an import or a
    first draft; the page prints the day it went out, or of the revision it shows). A
    dateline that agrees with the declared day confirms it (the other is a teaser's or a
    book's); one printed in a sidebar, a comment or a related list is not the page's. Only
    dates written with their year count (a yearless or relative one is read against the
    declared), and a day and month read the other way round agree (the page writes month
    first, or the declaration day first). A date in the URL decides between the two when it
    fits the declared one only (the dateline is a typo, or another page's)."""
    if declared is None:
        return None
    agree = (declared.day_key(), _swapped(declared))
    first: DateValue | None = None
    updated: DateValue | None = None
    for line in _datelines(zones, check.options.date_line_max_chars):
        shown = check.in_text(line)
        if shown is None:
            continue
        is_update = _UPDATE_LABEL.search(line) is not None
        if shown.day_key() in agree and not is_update:
            return None
        if _PROSE_END.search(line) or asides.only_there(line):
            continue
        if is_update:
            updated = updated or shown
        else:
            first = first or shown
    # An update's dateline dates the page only when nothing else does ("Article mis à jour
    # le 7 janvier 2020" above "30 septembre 2018").
    first = first or updated
    if first is None or first.day_key() in agree:
        return None
    if url_date is not None and _fits(declared, url_date):
        return first if _fits(first, url_date) else None
    return first


class _Asides:
    """The text of the page and of its sidebars, comments, related lists and footers (the
    outermost ones, up to `date_max_elements`; one holding the headline is a layout wrapper,
    "with-sidebar", not an aside), read when first asked."""

    def __init__(
        self, tree: LexborHTMLParser, headline: LexborNode | None, options: Options
    ) -> None:
        self._tree, self._headline, self._options = tree, headline, options
        self._page: str | None = None
        self._texts: list[str] = []

    def only_there(self, line: str) -> bool:
        """Every time the page prints `line`, it is in an aside (spaces and line breaks
        compared as one space: the zone and the page join text nodes differently)."""
        if self._page is None:
            self._read()
        line = _squeeze(line)
        inside = sum(text.count(line) for text in self._texts)
        return inside > 0 and inside >= (self._page or "").count(line)

    def _read(self) -> None:
        body = self._tree.body
        self._page = _squeeze(body.text(deep=True, separator=" ")) if body is not None else ""
        wrappers = _ancestors(self._headline) if self._headline is not None else set()
        kept: set[int] = set()
        for node in self._tree.css(_ASIDE_ELEMENTS)[: self._options.date_max_elements]:
            if node.mem_id in wrappers or not kept.isdisjoint(_ancestors(node)):
                continue
            kept.add(node.mem_id)
            self._texts.append(_squeeze(node.text(deep=True, separator=" ")))


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _ancestors(node: LexborNode) -> set[int]:
    out: set[int] = set()
    parent = node.parent
    while parent is not None:
        out.add(parent.mem_id)
        parent = parent.parent
    return out


def _dateline_dates(zones: list[str], check: _Checker) -> Iterator[DateValue]:
    """The dates of the datelines in `zones` (a line that ends as a sentence is prose)."""
    for line in _datelines(zones, check.options.date_line_max_chars):
        shown = None if _PROSE_END.search(line) else check.in_text(line)
        if shown is not None:
            yield shown


def _first_dateline(zones: list[str], check: _Checker) -> DateValue | None:
    return next(_dateline_dates(zones, check), None)


def _on_dateline(zones: list[str], check: _Checker, value: DateValue) -> bool:
    """`value` is the day of a dateline in `zones`."""
    return any(shown.day_key() == value.day_key() for shown in _dateline_dates(zones, check))


def _datelines(zones: list[str], limit: int) -> Iterable[str]:
    """The short lines of `zones` (each zone once) with a year, where a dateline may be."""
    for zone in dict.fromkeys(zones):
        if not has_year(zone):
            continue
        for line in zone.splitlines():
            if len(line.strip()) <= limit and has_year(line):
                yield line


def _swapped(value: DateValue) -> tuple[int, int, int]:
    return (value.year, value.day, value.month)


def _refine(structured: DateValue, printed: DateValue) -> DateValue:
    """Prefer the printed date when it says the same day more precisely, or the same instant
    in the page's local time (a UTC meta date printed as local time, kept without a zone)."""
    if not printed.has_time:
        # A UTC timestamp near midnight is the day before or after the printed local day.
        if structured.offset == 0 and abs(
            printed.naive() - structured.naive().replace(hour=0, minute=0, second=0)
        ) == timedelta(days=1):
            return printed
        return structured
    if printed.day_key() == structured.day_key():
        if structured.has_time and (structured.hour, structured.minute) == (
            printed.hour,
            printed.minute,
        ):
            return structured
        return printed
    instant = structured.utc()
    if instant is None:
        return structured
    shift = printed.naive().replace(second=0) - instant.replace(second=0)
    minutes = shift.total_seconds() / 60
    if (
        abs(minutes) <= _MAX_ZONE_MINUTES
        and minutes % _ZONE_STEP_MINUTES == 0
        and abs(printed.naive() - structured.naive()) < timedelta(days=1)
    ):
        # The page's local time, as printed: its zone is what the printed text states (none
        # here), never one made up by subtracting the two sources.
        return printed
    return structured


def _other_meta(meta: PageMeta) -> list[str]:
    """Values of meta keys outside the known lists that name a publication."""
    known = set(_PUBLISHED_KEYS) | set(_MODIFIED_KEYS)
    return [
        value for key, values in meta.values.items()
        if key not in known and _OTHER_PUBLISHED_KEY.search(key) and not _NOT_PUBLISHED_KEY.search(key)
        for value in values if value
    ]  # fmt: skip


def _from_scripts(tree: LexborHTMLParser, check: _Checker, options: Options) -> DateValue | None:
    """The first publication date in the JSON of the page's scripts (a framework's state:
    ``"createdAt":"2022-01-31T15:58:43+01:00"``)."""
    budget = options.date_script_scan_chars
    for script in tree.css("script"):
        if budget <= 0:
            break
        text = script.text(deep=True)[:budget]
        budget -= len(text)
        if '"' not in text:
            continue
        for m in itertools.islice(_SCRIPT_DATE.finditer(text), options.date_max_elements):
            value = check.structured(m.group(1))
            if value is not None:
                return value
    return None


def _from_url(url: str | None, check: _Checker) -> DateValue | None:
    found = _url_date(url)
    if found is None:
        return None
    year, month, day = found
    return check.ok(make_date(year, month, day)) if day is not None else None


def _url_date(url: str | None) -> tuple[int, int, int | None] | None:
    """Year, month and day (when given) of the date in `url`'s path."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0].split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    m = _URL_DATE.search(path)
    if m is not None:
        month, day = (m["m"], m["d"]) if m["sep"] else (m["m8"], m["d8"])
        return int(m["y"]), int(month), int(day)
    m = _URL_MONTH.search(path)
    return (int(m["y"]), int(m["m"]), None) if m is not None else None


def _fits(value: DateValue, url_date: tuple[int, int, int | None]) -> bool:
    """`value` falls in the month, or on the day, that the URL gives."""
    year, month, day = url_date
    return (value.year, value.month) == (year, month) and day in (None, value.day)
