"""Adapters: declutter and the reference extractors as ``(html bytes, url) -> Prediction``.

Each reference tool is imported only when asked for; a tool that is not installed is skipped
with a note. Adapters do all of a tool's work inside the timed call (decoding for tools that
want ``str``, HTML-to-text for tools that return HTML), as a caller of that tool would.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from types import MappingProxyType
from typing import Any

import charset_normalizer

from ._metrics import Prediction

__all__ = ["TOOLS", "Tool", "load_tools"]

Extract = Callable[[bytes, str | None], Prediction]
_ALL_FIELDS = frozenset({"title", "author", "date"})
_BODY_ONLY: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Tool:
    """A ready extractor and what it reports besides the body."""

    name: str
    version: str | None
    extract: Extract
    fields: frozenset[str]
    """Metadata fields (``title``, ``author``, ``date``) the tool extracts at all."""


# --- helpers for the adapters ------------------------------------------------------------------

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "tr",
    "br",
)


def _decode(html: bytes) -> str:
    """UTF-8 if valid, else the declared charset, else charset-normalizer's guess."""
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(html[:32768])
    if declared:
        try:
            return html.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    guess = charset_normalizer.from_bytes(html).best()
    return str(guess) if guess is not None else html.decode("utf-8", "replace")


def _html_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one line per block element (for tools returning HTML)."""
    import lxml.html

    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return str(root.text_content()).strip()


def _text(value: object) -> str | None:
    """A tool's field as a string: dates as ISO, author lists joined, empties as None."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    return str(value) if value else None


def _dist_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


# --- the adapters: each returns the extract function, importing its tool ----------------------


def _declutter() -> Extract:
    import declutter

    def extract(html: bytes, url: str | None) -> Prediction:
        doc = declutter.extract(html, url=url)
        return Prediction(doc.body, doc.title, doc.author, doc.date)

    return extract


def _trafilatura() -> Extract:
    from trafilatura import bare_extraction

    def extract(html: bytes, url: str | None) -> Prediction:
        # comments are not article text in either benchmark's gold, hence include_comments=False
        doc: Any = bare_extraction(html, url=url, with_metadata=True, include_comments=False)
        if doc is None:
            return Prediction()
        return Prediction(_text(doc.text), _text(doc.title), _text(doc.author), _text(doc.date))

    return extract


def _resiliparse() -> Extract:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    def extract(html: bytes, url: str | None) -> Prediction:
        tree = HTMLTree.parse_from_bytes(html, detect_encoding(html) or "utf-8")
        return Prediction(_text(extract_plain_text(tree, main_content=True)))

    return extract


def _readability() -> Extract:
    from readability import Document

    def extract(html: bytes, url: str | None) -> Prediction:
        doc = Document(html, url=url)
        return Prediction(_html_to_text(doc.summary(html_partial=True)), _text(doc.short_title()))

    return extract


def _justext() -> Extract:
    import justext

    # every language's stop words at once, as trafilatura's jusText fallback does
    stoplist = frozenset().union(*(justext.get_stoplist(lang) for lang in justext.get_stoplists()))

    def extract(html: bytes, url: str | None) -> Prediction:
        paragraphs = justext.justext(html, stoplist)
        return Prediction(_text("\n".join(p.text for p in paragraphs if not p.is_boilerplate)))

    return extract


def _gne() -> Extract:
    from gne import GeneralNewsExtractor

    extractor = GeneralNewsExtractor()

    def extract(html: bytes, url: str | None) -> Prediction:
        out = extractor.extract(_decode(html))
        return Prediction(
            *(_text(out.get(k)) for k in ("content", "title", "author", "publish_time"))
        )

    return extract


def _newspaper() -> Extract:
    import newspaper

    def extract(html: bytes, url: str | None) -> Prediction:
        # fetch_images=False: by default it downloads images to pick the top one
        article = newspaper.Article(url or "https://example.invalid/", fetch_images=False)
        article.download(input_html=_decode(html))
        article.parse()
        return Prediction(
            _text(article.text),
            _text(article.title),
            _text(article.authors),
            _text(article.publish_date),
        )

    return extract


def _goose() -> Extract:
    from goose3 import Goose

    goose = Goose()

    def extract(html: bytes, url: str | None) -> Prediction:
        article = goose.extract(raw_html=_decode(html))
        return Prediction(
            _text(article.cleaned_text),
            _text(article.title),
            _text(article.authors),
            _text(article.publish_date),
        )

    return extract


@dataclass(frozen=True, slots=True)
class _Spec:
    factory: Callable[[], Extract]
    distribution: str
    fields: frozenset[str]


TOOLS: Mapping[str, _Spec] = MappingProxyType(
    {
        "declutter": _Spec(_declutter, "declutter", _ALL_FIELDS),
        "trafilatura": _Spec(_trafilatura, "trafilatura", _ALL_FIELDS),
        "resiliparse": _Spec(_resiliparse, "resiliparse", _BODY_ONLY),
        "readability": _Spec(_readability, "readability-lxml", frozenset({"title"})),
        "justext": _Spec(_justext, "justext", _BODY_ONLY),
        "gne": _Spec(_gne, "gne", _ALL_FIELDS),
        "newspaper": _Spec(_newspaper, "newspaper4k", _ALL_FIELDS),
        "goose": _Spec(_goose, "goose3", _ALL_FIELDS),
    }
)
"""Tool name -> adapter; the keys are what ``--tools`` accepts."""


def load_tools(names: Iterable[str]) -> tuple[list[Tool], list[str]]:
    """The named tools that import, and a note for each one that does not."""
    tools: list[Tool] = []
    notes: list[str] = []
    for name in names:
        spec = TOOLS[name]
        try:
            extract = spec.factory()
        except ImportError as exc:
            notes.append(f"{name}: skipped, not installed ({exc}); pip install {spec.distribution}")
            continue
        tools.append(Tool(name, _dist_version(spec.distribution), extract, spec.fields))
    return tools, notes
