"""Adapters: declutter and the reference extractors as ``(html bytes, url) -> Prediction``.

Each reference tool is imported only when asked for; a tool that is not installed is skipped
with a note. Adapters do all of a tool's work inside the timed call (decoding for tools that
want ``str``, HTML-to-text for tools that return HTML), as a caller of that tool would.

For ``--speed``, `load_tools(..., timed=True)` gives each tool a `StageClock`: adapters that
can split their work charge their stages to it (declutter its pipeline stages, trafilatura and
resiliparse ``parse``), and whatever a call spends after its last lap goes to the adapter's
last stage (``extract`` for most). The floors, tools that only parse, live in `FLOORS`.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from types import MappingProxyType
from typing import Any

import charset_normalizer

from .._clock import StageClock
from ._metrics import Prediction

__all__ = ["FLOORS", "TOOLS", "Tool", "declutter_with", "load_tools"]

Extract = Callable[[bytes, str | None], Prediction]
Factory = Callable[[StageClock | None], Extract]
"""Imports a tool and returns its extract function; given a clock, it charges stages to it."""
_ALL_FIELDS = frozenset({"body", "title", "author", "date"})
_BODY_ONLY = frozenset({"body"})
_DATE_ONLY = frozenset({"date"})


@dataclass(frozen=True, slots=True)
class Tool:
    """A ready extractor and what it reports besides the body."""

    name: str
    version: str | None
    extract: Extract
    fields: frozenset[str]
    """Fields (``body``, ``title``, ``author``, ``date``) the tool extracts at all."""
    clock: StageClock | None = None
    """Where a timed tool's calls charge their stages (`load_tools(..., timed=True)`)."""


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


def _no_lap(stage: str) -> None:
    pass


def _laps(clock: StageClock | None) -> Callable[[str], None]:
    return _no_lap if clock is None else clock.lap


def _charging_parse(module: Any, name: str, clock: StageClock, extract: Extract) -> Extract:
    """`extract` with the tool's own parse function `module.name` charged as ``parse`` while it
    runs (the time before it as ``extract``); `extract` unchanged if `module` has no `name`."""
    parse = getattr(module, name, None)
    if parse is None:
        return extract

    def timed_parse(*args: Any, **kwargs: Any) -> Any:
        clock.lap("extract")
        try:
            return parse(*args, **kwargs)
        finally:
            clock.lap("parse")

    def run(html: bytes, url: str | None) -> Prediction:
        setattr(module, name, timed_parse)
        try:
            return extract(html, url)
        finally:
            setattr(module, name, parse)

    return run


def _charged(extract: Extract, clock: StageClock, stage: str) -> Extract:
    """`extract` that starts `clock` and charges what its laps leave over to `stage`."""

    def run(html: bytes, url: str | None) -> Prediction:
        clock.start()
        try:
            return extract(html, url)
        finally:
            clock.lap(stage)

    return run


def _dist_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


# --- the adapters: each returns the extract function, importing its tool ----------------------


def _declutter(clock: StageClock | None, site_memory: Any = None, **changes: bool) -> Extract:
    """declutter with the default options, or with `changes` to them; with `site_memory`
    (a `declutter.SiteMemory`, quality runs only), removing what it learned."""
    import declutter

    from .._pipeline import timed_extract

    options = declutter.Options().replace(**changes) if changes else declutter.Options()
    if clock is None:  # quality runs score the comments too (the body is the same either way)
        options = options.replace(include_comments=True)

    def extract(html: bytes, url: str | None) -> Prediction:
        if clock is None:
            doc = declutter.extract(html, url=url, options=options, site_memory=site_memory)
        else:  # the same work, each stage charged to the clock
            doc = timed_extract(html, url, options, None, None, clock)
        return Prediction(
            doc.body, doc.title, doc.author, doc.date, score=doc.score,
            comments=_comments_text(doc.comments) if options.include_comments else None,
        )  # fmt: skip

    return extract


def _comments_text(comments: Iterable[Any]) -> str:
    """The comments as the Dragnet gold writes them: each one's author, date and text."""
    return "\n".join(
        "\n".join(part for part in (c.author, c.date, c.text) if part) for c in comments
    )


def declutter_with(site_memory: Any) -> Extract:
    """The declutter adapter of quality runs with a `declutter.SiteMemory`."""
    return _declutter(None, site_memory)


def _declutter_python(clock: StageClock | None) -> Extract:
    """declutter with its pure-Python DOM walk (the same output as the compiled one)."""
    return _declutter(clock, compiled_walk=False)


def _declutter_body(clock: StageClock | None) -> Extract:
    """declutter for a caller that wants the body only (`Options.body_only`)."""
    return _declutter(clock, body_only=True)


def _trafilatura(clock: StageClock | None) -> Extract:
    from trafilatura import bare_extraction

    def extract(html: bytes, url: str | None) -> Prediction:
        # comments are not article text in either benchmark's gold, hence include_comments=False
        doc: Any = bare_extraction(html, url=url, with_metadata=True, include_comments=False)
        if doc is None:
            return Prediction()
        return Prediction(_text(doc.text), _text(doc.title), _text(doc.author), _text(doc.date))

    if clock is None:
        return extract
    # parse: its load_html (decode, repair, lxml parse), as bare_extraction calls it
    return _charging_parse(sys.modules[bare_extraction.__module__], "load_html", clock, extract)


def _resiliparse(clock: StageClock | None) -> Extract:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    lap = _laps(clock)

    def extract(html: bytes, url: str | None) -> Prediction:
        tree = HTMLTree.parse_from_bytes(html, detect_encoding(html) or "utf-8")
        lap("parse")
        return Prediction(_text(extract_plain_text(tree, main_content=True)))

    return extract


def _readability(clock: StageClock | None) -> Extract:
    from readability import Document

    def extract(html: bytes, url: str | None) -> Prediction:
        doc = Document(html, url=url)
        return Prediction(_html_to_text(doc.summary(html_partial=True)), _text(doc.short_title()))

    return extract


def _justext(clock: StageClock | None) -> Extract:
    import justext

    # every language's stop words at once, as trafilatura's jusText fallback does
    stoplist = frozenset().union(*(justext.get_stoplist(lang) for lang in justext.get_stoplists()))

    def extract(html: bytes, url: str | None) -> Prediction:
        paragraphs = justext.justext(html, stoplist)
        return Prediction(_text("\n".join(p.text for p in paragraphs if not p.is_boilerplate)))

    return extract


def _gne(clock: StageClock | None) -> Extract:
    from gne import GeneralNewsExtractor

    extractor = GeneralNewsExtractor()

    def extract(html: bytes, url: str | None) -> Prediction:
        out = extractor.extract(_decode(html))
        body, title, author, date = (
            _text(out.get(k)) for k in ("content", "title", "author", "publish_time")
        )
        return Prediction(body, title, author, date)

    return extract


def _newspaper(clock: StageClock | None) -> Extract:
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


def _goose(clock: StageClock | None) -> Extract:
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


def _htmldate(extensive: bool) -> Factory:
    """htmldate's publication date (``original_date=True``), extensive or fast search."""

    def factory(clock: StageClock | None) -> Extract:
        from htmldate import find_date

        def extract(html: bytes, url: str | None) -> Prediction:
            found = find_date(html, url=url, original_date=True, extensive_search=extensive)
            return Prediction(date=_text(found))

        return extract

    return factory


def _lexbor_parse(clock: StageClock | None) -> Extract:
    from selectolax.lexbor import LexborHTMLParser

    def extract(html: bytes, url: str | None) -> Prediction:
        LexborHTMLParser(html)
        return Prediction()

    return extract


def _lxml_parse(clock: StageClock | None) -> Extract:
    import lxml.html

    def extract(html: bytes, url: str | None) -> Prediction:
        lxml.html.document_fromstring(html)
        return Prediction()

    return extract


@dataclass(frozen=True, slots=True)
class _Spec:
    factory: Factory
    distribution: str
    fields: frozenset[str]
    last_stage: str = "extract"
    """With a clock: the stage charged with what a call spends after the adapter's laps."""


TOOLS: Mapping[str, _Spec] = MappingProxyType(
    {
        "declutter": _Spec(_declutter, "declutter", _ALL_FIELDS, "serialise"),
        "declutter-python": _Spec(_declutter_python, "declutter", _ALL_FIELDS, "serialise"),
        "declutter-body": _Spec(_declutter_body, "declutter", _BODY_ONLY, "serialise"),
        "trafilatura": _Spec(_trafilatura, "trafilatura", _ALL_FIELDS),
        "resiliparse": _Spec(_resiliparse, "resiliparse", _BODY_ONLY),
        "readability": _Spec(_readability, "readability-lxml", frozenset({"body", "title"})),
        "justext": _Spec(_justext, "justext", _BODY_ONLY),
        "gne": _Spec(_gne, "gne", _ALL_FIELDS),
        "newspaper": _Spec(_newspaper, "newspaper4k", _ALL_FIELDS),
        "goose": _Spec(_goose, "goose3", _ALL_FIELDS),
        "htmldate": _Spec(_htmldate(True), "htmldate", _DATE_ONLY),
        "htmldate-fast": _Spec(_htmldate(False), "htmldate", _DATE_ONLY),
    }
)
"""Tool name -> adapter; the keys are what ``--tools`` accepts."""

FLOORS: Mapping[str, _Spec] = MappingProxyType(
    {
        "lexbor-parse": _Spec(_lexbor_parse, "selectolax", _BODY_ONLY, "parse"),
        "lxml-parse": _Spec(_lxml_parse, "lxml", _BODY_ONLY, "parse"),
    }
)
"""Parse-only floors for ``--speed``: selectolax's Lexbor (declutter's parser) and lxml.html
(trafilatura's), each on the page's bytes; they extract nothing."""


def load_tools(
    names: Iterable[str], registry: Mapping[str, _Spec] = TOOLS, *, timed: bool = False
) -> tuple[list[Tool], list[str]]:
    """The named tools that import, and a note for each one that does not; `timed`: each with
    a `StageClock` its calls charge."""
    tools: list[Tool] = []
    notes: list[str] = []
    for name in names:
        spec = registry[name]
        clock = StageClock() if timed else None
        try:
            extract = spec.factory(clock)
        except ImportError as exc:
            notes.append(f"{name}: skipped, not installed ({exc}); pip install {spec.distribution}")
            continue
        if clock is not None:
            extract = _charged(extract, clock, spec.last_stage)
        version_ = _dist_version(spec.distribution)
        tools.append(Tool(name, version_, extract, spec.fields, clock))
    return tools, notes
