"""Publication and modification dates, from the most to the least reliable source.

Order: JSON-LD, meta (OpenGraph, Dublin Core, itemprop, portal conventions), ``<time>``
and other date-marked elements, the text around the headline, the URL path. The text
printed next to the headline then refines a structured date of the same day (portals put
the crawl or update time in their meta tags, and readers see the printed time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._options import Options
from ._dateparse import DateValue, make_date, parse_structured, search_text
from ._jsonld import JsonLd
from ._meta import PageMeta
from ._validate import plausible_date

__all__ = ["DateResult", "find_dates"]

_PUBLISHED_KEYS = (
    "article:published_time", "og:published_time", "article:published", "datepublished",
    "og:release_date", "publishdate", "publish-date", "publish_date", "pubdate", "publishtime",
    "publish_time", "published_time", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created",
    "citation_publication_date", "citation_date", "date", "weibo: article:create_at",
    "article.published", "created", "ptime", "releasedate", "datecreated",
)  # fmt: skip
_MODIFIED_KEYS = (
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
    "dc.date.modified", "last-modified", "weibo: article:update_at", "article.updated",
    "lastmod", "dateupdate", "dateupdated", "modified",
)  # fmt: skip
_DATE_ELEMENTS = (
    '[itemprop="datePublished"], time, [class*="date"], [class*="time"], [id*="date"], '
    '[id*="time"], [class*="pub"], [class*="Date"], [class*="Time"]'
)
_MODIFIED_CLASS = re.compile(r"updat|modif|edited", re.I)
_SKIP_CLASS = re.compile(r"comment|reply|related|recommend|sidebar|footer|copyright|timeline|runtime|weather", re.I)
# Time zones lie within ±14 hours of UTC, in steps of 15 minutes.
_MAX_ZONE_MINUTES = 14 * 60
_ZONE_STEP_MINUTES = 15
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/")


@dataclass(frozen=True, slots=True)
class DateResult:
    date: str | None = None
    modified: str | None = None
    source: str | None = None


def find_dates(tree: LexborHTMLParser, *, jsonld: JsonLd, meta: PageMeta, zones: list[str],
               end_zones: list[str], url: str | None, day_first: bool, options: Options,
               reference_time: datetime | None) -> DateResult:  # fmt: skip
    """`zones`: text around the headline; `end_zones`: text at the article's end."""

    def ok(value: DateValue | None) -> DateValue | None:
        if value is None:
            return None
        good = plausible_date(value, min_year=options.date_min_year, reference_time=reference_time,
                              skew_hours=options.date_clock_skew_hours)  # fmt: skip
        return value if good else None

    def structured(raw: str | None) -> DateValue | None:
        return ok(parse_structured(raw, day_first=day_first)) if raw else None

    modified = structured(jsonld.date_modified) or _first(structured, meta.all(*_MODIFIED_KEYS))
    published: DateValue | None = None
    source: str | None = None
    for name, value in (
        ("json-ld", lambda: structured(jsonld.date_published)),
        ("meta", lambda: _first(structured, meta.all(*_PUBLISHED_KEYS))),
        ("time", lambda: _from_elements(tree, structured, ok, day_first, options)),
    ):
        published = value()
        if published is not None:
            source = name
            break
    known = published or modified
    hint = known.year if known else (reference_time.year if reference_time else None)
    printed = _from_zones(zones, ok, day_first, hint, reference_time)
    if published is None and printed is not None:
        published, source = printed, "text"
    if published is None:
        published = _from_url(url, ok)
        source = "url" if published is not None else None
    at_end = _from_zones(end_zones, ok, day_first, hint, reference_time)
    if published is None and at_end is not None:
        published, source = at_end, "text"
    # The date at the article's end only completes a date without time (comments follow it).
    later = at_end if published is not None and not published.has_time else None
    for candidate in (printed, later):
        if published is not None and candidate is not None and candidate is not published:
            refined = _refine(published, candidate)
            if refined is not published:
                published, source = refined, "text"
                break
    return DateResult(
        published.iso() if published else None, modified.iso() if modified else None, source
    )


def _first(parse: "callable[[str], DateValue | None]", values: list[str]) -> DateValue | None:  # type: ignore[valid-type]
    for raw in values:
        value = parse(raw)
        if value is not None:
            return value
    return None


def _from_elements(tree, structured, ok, day_first: bool, options: Options) -> DateValue | None:  # type: ignore[no-untyped-def]
    """`<time datetime>` and itemprop=datePublished first, then short elements whose class
    or id names a date (a long one is a container: its first date may be anything)."""
    nodes = tree.css(_DATE_ELEMENTS)[: options.date_max_elements]
    for node in nodes:
        attrs = node.attributes
        raw = attrs.get("datetime") or (attrs.get("content") if attrs.get("itemprop") else None)
        if raw and not _skipped(node):
            value = structured(raw)
            if value is not None:
                return value
    for node in nodes:
        if _skipped(node):
            continue
        text = node.text(deep=True, separator=" ")
        if not text or len(text) > options.date_element_max_chars:
            continue
        value = next((v for v in map(ok, search_text(text, day_first=day_first)) if v is not None), None)
        if value is not None:
            return value
    return None


def _skipped(node: LexborNode) -> bool:
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('itemprop') or ''}"
    return _MODIFIED_CLASS.search(names) is not None or _SKIP_CLASS.search(names) is not None


def _from_zones(zones: list[str], ok, day_first: bool, year_hint: int | None,  # type: ignore[no-untyped-def]
                reference_time: datetime | None) -> DateValue | None:  # fmt: skip
    for zone in zones:
        for value in search_text(zone, day_first=day_first, year_hint=year_hint, reference_time=reference_time):
            if ok(value) is not None:
                return value
    return None


def _refine(structured: DateValue, printed: DateValue) -> DateValue:
    """Prefer the printed date when it says the same day more precisely, or the same instant
    in the page's local time (a UTC meta date printed as local time)."""
    if not printed.has_time:
        # A UTC timestamp near midnight is the day before or after the printed local day.
        if structured.offset == 0 and abs(printed.naive() - structured.naive().replace(hour=0, minute=0, second=0)) == timedelta(days=1):
            return printed
        return structured
    if printed.day_key() == structured.day_key():
        if structured.has_time and (structured.hour, structured.minute) == (printed.hour, printed.minute):
            return structured
        return printed
    instant = structured.utc()
    if instant is None:
        return structured
    shift = printed.naive().replace(second=0) - instant.replace(second=0)
    minutes = shift.total_seconds() / 60
    if abs(minutes) <= _MAX_ZONE_MINUTES and minutes % _ZONE_STEP_MINUTES == 0 and abs(printed.naive() - structured.naive()) < timedelta(days=1):
        return DateValue(printed.year, printed.month, printed.day, printed.hour, printed.minute, printed.second, int(minutes))
    return structured


def _from_url(url: str | None, ok) -> DateValue | None:  # type: ignore[no-untyped-def]
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    m = _URL_DATE.search(path)
    if m is not None:
        return ok(make_date(int(m.group(1)), int(m.group(2)), int(m.group(3))))  # type: ignore[no-any-return]
    return None
