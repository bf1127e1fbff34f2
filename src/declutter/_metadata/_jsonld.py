"""JSON-LD (schema.org) blocks: the article object and the page's publisher.

Malformed JSON is common (trailing commas, raw newlines in strings, HTML comments around
the object); what cannot be repaired cheaply is skipped, never raised. Objects are visited
with an explicit stack and a budget, so deep or huge graphs cost a bounded amount.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._text import clean

__all__ = ["JsonLd", "read_jsonld"]

_ARTICLE_TYPES = frozenset(
    t.lower()
    for t in (
        "Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle",
        "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle",
        "LiveBlogPosting", "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "Review",
        "Recipe", "HowTo", "VideoObject", "Blog", "DiscussionForumPosting", "Posting",
        "MedicalWebPage", "Product", "Event", "CreativeWork",
    )
)  # fmt: skip
_PAGE_TYPES = frozenset(
    (
        "webpage",
        "itempage",
        "collectionpage",
        "aboutpage",
        "contactpage",
        "profilepage",
        "qapage",
        "faqpage",
    )
)
_PERSON_TYPES = frozenset(("person",))
_ORG_TYPES = frozenset(("organization", "newsmediaorganization", "corporation", "website"))
# strict=False: raw newlines in strings. (json.loads with an argument builds a decoder per call.)
_DECODER = json.JSONDecoder(strict=False)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
# Comment and CDATA wrappers some pages put around the object.
_OPENERS = ("<!--", "//<![CDATA[", "<![CDATA[")
_CLOSERS = ("-->", "//]]>", "]]>")


@dataclass(slots=True)
class JsonLd:
    """What the page's JSON-LD says about its main object (empty fields when nothing)."""

    headline: str | None = None
    page_name: str | None = None
    """The headline or name of the page object (WebPage...), when another object is main."""
    authors: list[str] = field(default_factory=list)
    author_is_org: bool = False
    date_published: str | None = None
    date_modified: str | None = None
    publisher: str | None = None
    site_name: str | None = None
    language: str | None = None
    image: str | None = None
    description: str | None = None
    url: str | None = None
    keywords: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)


def read_jsonld(tree: LexborHTMLParser, *, max_chars: int, max_objects: int,
                scripts: list[LexborNode] | None = None) -> JsonLd:  # fmt: skip
    """Merge all JSON-LD blocks: the first article-like object wins, a web page next.
    `scripts`: the page's JSON-LD script elements, when already found."""
    objects: list[dict[str, Any]] = []
    if scripts is None:
        scripts = tree.css('script[type*="ld+json"]')
    for script in scripts:
        raw = script.text(deep=True)
        if not raw or len(raw) > max_chars:
            continue
        data = _loads(raw)
        if data is not None:
            _collect(data, objects, max_objects - len(objects))
        if len(objects) >= max_objects:
            break
    out = JsonLd()
    main = _pick(objects, _ARTICLE_TYPES) or _pick(objects, _PAGE_TYPES)
    if main is not None:
        _fill(out, main, _by_id(objects))
        page = _pick(objects, _PAGE_TYPES)
        if page is not None and page is not main:
            out.page_name = _text(page.get("headline")) or _text(page.get("name"))
    for obj in objects:
        if out.site_name is None and _types(obj) & {"website"}:
            out.site_name = _text(obj.get("name"))
    return out


def _loads(raw: str) -> Any:
    text = raw.strip()
    for opener in _OPENERS:
        text = text.removeprefix(opener)
    for closer in _CLOSERS:
        text = text.removesuffix(closer)
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return _DECODER.decode(attempt)
        except (ValueError, RecursionError):
            continue
    return None


def _collect(data: Any, out: list[dict[str, Any]], budget: int) -> None:
    """Every dict with an @type, nested @graph and lists included, breadth first."""
    stack: list[Any] = [data]
    seen = 0
    while stack and seen < budget:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item[:budget])
        elif isinstance(item, dict):
            seen += 1
            if "@type" in item:
                out.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(graph[:budget])
            main = item.get("mainEntity")
            if isinstance(main, (dict, list)):
                stack.append(main)


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def _pick(objects: list[dict[str, Any]], wanted: frozenset[str]) -> dict[str, Any] | None:
    for obj in objects:
        if _types(obj) & wanted:
            return obj
    return None


def _by_id(objects: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The objects of a ``@graph`` by their ``@id`` (the first of each id)."""
    index: dict[str, dict[str, Any]] = {}
    for obj in objects:
        key = obj.get("@id")
        if isinstance(key, str):
            index.setdefault(key, obj)
    return index


def _fill(out: JsonLd, obj: dict[str, Any], index: dict[str, dict[str, Any]]) -> None:
    out.headline = _text(obj.get("headline")) or _text(obj.get("name"))
    out.authors, out.author_is_org = _people(obj.get("author") or obj.get("creator"), index)
    out.date_published = (
        _text(obj.get("datePublished"))
        or _text(obj.get("dateCreated"))
        or _text(obj.get("uploadDate"))
    )
    out.date_modified = _text(obj.get("dateModified"))
    publisher = obj.get("publisher")
    if isinstance(publisher, list) and publisher:
        publisher = publisher[0]
    out.publisher = (
        _text(publisher.get("name")) if isinstance(publisher, dict) else _text(publisher)
    )
    out.language = _text(obj.get("inLanguage"))
    out.image = _url(obj.get("image")) or _url(obj.get("thumbnailUrl"))
    out.description = _text(obj.get("description"))
    out.url = _url(obj.get("url"))
    out.keywords = _list(obj.get("keywords"), split=True)
    out.sections = _list(obj.get("articleSection"), split=False)


def _text(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return clean(str(value)) or None
    return None


def _url(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    return value.strip() or None if isinstance(value, str) else None


def _list(value: Any, *, split: bool) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        text = _text(item)
        if not text:
            continue
        parts = text.split(",") if split and isinstance(item, str) else [text]
        out.extend(p.strip() for p in parts if p.strip())
    return out


def _people(value: Any, index: dict[str, dict[str, Any]]) -> tuple[list[str], bool]:
    """Author names, and whether the only credited authors are organisations. An author given
    as a bare ``{"@id": ...}`` reference (the Yoast shape) is the graph's object of that id."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    orgs = 0
    for item in items:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = index.get(item["@id"], item)
        if isinstance(item, dict):
            kinds = _types(item)
            name = _text(item.get("name"))
            if name is None and isinstance(item.get("givenName"), str):
                name = clean(f"{item.get('givenName')} {item.get('familyName') or ''}")
            if kinds & _ORG_TYPES and not kinds & _PERSON_TYPES:
                orgs += 1
                continue
        else:
            name = _text(item)
        if name:
            names.append(name)
    return names, bool(orgs) and not names
