"""The metadata stage's shortcuts give what the plain forms they replace give.

Each shortcut (one DOM query sorted in Python, ASCII fast paths, searches that stop early
or try fewer positions) is compared with the straightforward form, on real pages and on
generated input.
"""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from declutter import _decode, _parse, _text
from declutter._metadata import _byline, _dateparse, _language, _scan
from declutter._metadata._dateparse import MONTH_NAMES, DateValue, first_date, search_text
from declutter._options import DEFAULT_OPTIONS
from declutter.testing import portal_pages

# --- one DOM query for four kinds of elements -----------------------------------------------

_EDGE_PAGE = """<html><head>
<script type="application/LD+JSON">{"@type": "Article"}</script>
<script type="text/javascript">var ld = "ld+json";</script>
<meta itemprop="headline" content="x"></head><body>
<h1 class="entry-title headline" id="title" itemprop="headline">Both</h1>
<h2>Plain</h2><div class="TITLE">Upper</div><div class="x" id="MyTitle">Id</div>
<div itemprop="Headline">not exact</div><span itemprop="datePublished">2024-01-02</span>
<span itemprop="datepublished">lower case</span><time datetime>empty</time>
<time datetime="2024-01-02" class="post-title">both kinds</time>
<a rel="nofollow Tag" href="/t">tag</a><a rel="tags" href="/u">not a tag</a>
<a rel="x\u00a0tag" href="/v">nbsp</a><a class="title" rel="tag">title and tag</a>
<script class="title" type="application/ld+json">{}</script>
<div class="TİTLE">dotted I</div><div class="">empty</div><div class>none</div>
</body></html>"""


def _ids(nodes: list) -> list[int]:  # type: ignore[type-arg]
    return [node.mem_id for node in nodes]


def _assert_scan_matches_queries(tree: LexborHTMLParser) -> None:
    found = _scan.scan(tree)
    assert [n.mem_id for n, parts in found.title for _ in range(parts)] == _ids(
        tree.css(_scan.TITLE_SELECTOR)
    )
    assert _ids(found.time) == _ids(tree.css(_scan.TIME_SELECTOR))
    assert _ids(found.jsonld) == _ids(tree.css(_scan.JSONLD_SELECTOR))
    assert _ids(found.tag_links) == _ids(tree.css(_scan.TAG_SELECTOR))


def test_scan_sorts_like_lexbor_on_edge_cases() -> None:
    tree = LexborHTMLParser(_EDGE_PAGE)
    _assert_scan_matches_queries(tree)
    found = _scan.scan(tree)
    assert [(n.tag, parts) for n, parts in found.title][:2] == [
        ("meta", 1),
        ("h1", 5),
    ]  # h1: five parts


@pytest.mark.parametrize("page", portal_pages(), ids=lambda p: p.name)
def test_scan_sorts_like_lexbor_on_fixture_pages(page) -> None:  # type: ignore[no-untyped-def]
    text = _decode.decode(page.html).text
    _assert_scan_matches_queries(_parse.parse(text, _parse.Limits.of(DEFAULT_OPTIONS))[0])


# --- text helpers ----------------------------------------------------------------------------

_SPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_INVISIBLE = re.compile(r"[\u00ad\u200c\u200d\u2060]")
_ODD = st.sampled_from(
    list("\u00a0\u3000\u200b\ufeff\u00ad\u200c\u200d\u2060\x1c\x1f\t\n&;é中ß_-–")
)
_MIXED = st.lists(st.one_of(st.characters(max_codepoint=127), _ODD), max_size=40).map("".join)


def _clean_plain(text: str) -> str:
    import html

    if not text:
        return ""
    if "&" in text:
        text = html.unescape(text)
    return _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


@given(_MIXED)
@settings(max_examples=500)
def test_clean_and_fold_fast_paths(text: str) -> None:
    assert _text.clean(text) == _clean_plain(text)
    assert _text.fold(text) == re.sub(r"[\W_]+", "", text.casefold())
    # headline keys are folded without cleaning when there is no entity
    if "&" not in text:
        assert _text.fold(text) == _text.fold(_text.clean(text))


# --- dates in text -----------------------------------------------------------------------------

_DATEISH = st.lists(
    st.one_of(
        st.sampled_from(sorted(MONTH_NAMES))
        .map(lambda m: st.sampled_from((m, m.upper(), m.title())))
        .flatmap(lambda s: s),
        st.integers(0, 40).map(str),
        st.sampled_from(
            ("1999", "2020", "2025", "1850", "28.01.22", "2024-05-09 22:27", "3小时前", "yesterday")
        ),
        st.sampled_from(
            (" ", ", ", ". ", "st ", "de ", "\n", " at 10:30 am", "-", "/", "年", "月", "日", "º")
        ),
    ),
    max_size=14,
).map("".join)


@given(_DATEISH, st.sampled_from((None, 2024)), st.integers(2000, 2030))
@settings(max_examples=400)
def test_first_date_is_the_first_accepted_of_search_text(
    text: str, hint: int | None, after: int
) -> None:
    def accept(value: DateValue) -> bool:
        return value.year >= after

    expected = next((v for v in search_text(text, year_hint=hint) if accept(v)), None)
    assert first_date(text, accept, year_hint=hint) == expected


def test_month_trie_matches_like_the_sorted_alternation() -> None:
    flat = "(?:" + "|".join(sorted(map(re.escape, MONTH_NAMES), key=len, reverse=True)) + ")"
    trie = re.compile(_dateparse._trie(list(MONTH_NAMES)), re.IGNORECASE)
    flat_rx = re.compile(flat, re.IGNORECASE)
    for text in [
        "Mar",
        "MARZO",
        "märz",
        "sept.",
        "September",
        "juin",
        "junio",
        "Jan",
        "janv",
        "dezember",
        "dec x",
    ]:
        for start in range(len(text)):
            a, b = flat_rx.match(text, start), trie.match(text, start)
            assert (a and a.group()) == (b and b.group())


@given(st.text(alphabet="0123456789 .-/1920x", max_size=30))
def test_year_scan_matches_the_lookbehind_form(text: str) -> None:
    plain = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\d\d\.\d\d\.\d\d(?![\d.])")
    assert [m.span() for m in _dateparse._YEARISH.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


# --- bylines -----------------------------------------------------------------------------------

_BYLINE_BITS = st.lists(
    st.sampled_from(
        (
            "by",
            "By",
            "BY ",
            "von ",
            "Von",
            "par ",
            "Di ",
            "av",
            "Autor",
            "author:",
            "Post author ",
            "written by ",
            "Posted by",
            "\n",
            "|",
            "·",
            "•",
            " ",
            "\t",
            ":",
            "Jane Doe",
            "ABC",
            "x",
            "é",
            "作者：",
            "记者 ",
            "文/",
            "王明",
            "（王明 上海报道）",
            "通讯员",
            "电",
        )
    ),
    max_size=12,
).map("".join)


@given(_BYLINE_BITS)
@settings(max_examples=500)
def test_west_labels_match_finditer(text: str) -> None:
    spans = [(m.span(), m.group("label")) for m in _byline._WEST_LABEL.finditer(text)]
    assert [(m.span(), m.group("label")) for m in _byline._west_labels(text)] == spans


@given(_BYLINE_BITS)
@settings(max_examples=300)
def test_chinese_prefilters_only_skip_texts_without_a_match(text: str) -> None:
    if _byline._ZH_AUTHOR.search(text):
        assert any(c in text for c in _byline._ZH_AUTHOR_CHARS)
    if _byline._ZH_REPORTER.search(text):
        assert "记者" in text or "通讯员" in text
    if _byline._ZH_REPORTED.search(text):
        assert "报道" in text or "电" in text


# --- language ----------------------------------------------------------------------------------


def test_no_latin1_character_belongs_to_a_detected_script() -> None:
    latin1 = "".join(map(chr, range(256)))
    for _, rx in _language._SCRIPTS:
        assert not regex.search(rx.pattern, latin1)


@given(
    st.lists(
        st.one_of(_MIXED, st.just("\n"), st.just(" \n "), st.just("&#10;"), st.just("&amp;")),
        max_size=8,
    ).map("".join)
)
@settings(max_examples=500)
def test_clean_lines_cleans_each_line(text: str) -> None:
    expected = "\n".join(line for line in map(_text.clean, text.split("\n")) if line)
    assert _text.clean_lines(text) == expected


@given(
    st.lists(
        st.sampled_from(
            (
                "comment",
                "Reply",
                "x-related",
                "sidebarx",
                "uncommented",
                "author",
                "BYLINE",
                " ",
                "-",
                "é",
                "ſidebar",
            )
        ),
        max_size=6,
    ).map("".join)
)
def test_skip_names_prefilter(names: str) -> None:
    from declutter._metadata import _authors

    assert _authors._skip_names({"class": names}) == (
        _authors._SKIP_ELEMENT.search(f"{names} ") is not None
    )


def _relative_plain(text: str, now):  # type: ignore[no-untyped-def]
    """`_dateparse._relative` as written before its prefilters."""
    from datetime import timedelta

    out = []
    for m in _dateparse._RELATIVE.finditer(text):
        if not (m.group("suffix") or _dateparse._RELATIVE_PREFIX.search(text, 0, m.start())):
            continue
        n = m.group("n")
        unit = m.group("unit").lower()
        seconds = next(
            s for keys, s in _dateparse._UNIT_SECONDS if any(unit.startswith(k) for k in keys)
        )
        out.append((m.start(), now - timedelta(seconds=(int(n) if n.isdigit() else 1) * seconds)))
    for m in _dateparse._DAY_WORD.finditer(text):
        out.append((m.start(), m.group(0)))
    return [pos for pos, _ in out]


_RELATIVE_BITS = st.lists(
    st.sampled_from(
        (
            "3",
            "an",
            "one",
            "ein",
            "une",
            " ",
            "小时",
            "分钟",
            "前",
            "hours",
            "Minuten",
            "jours",
            "ago",
            "AGO",
            "fa",
            "vor ",
            "Il y a ",
            "hace ",
            "há ",
            "today",
            "Yesterday",
            "heute",
            "昨天",
            "aujourd'hui",
            "x",
            "10:30",
            "\n",
            "10-08 12:00",
            "发布时间：",
            "5月3日 08:15",
            "1/2",
        )
    ),
    max_size=10,
).map("".join)


@given(_RELATIVE_BITS)
@settings(max_examples=500)
def test_yearless_and_relative_prefilters(text: str) -> None:
    from datetime import UTC, datetime

    now = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
    assert [pos for pos, _ in _dateparse._relative(text, now)] == _relative_plain(text, now)
    plain = [m.span() for m in _dateparse._YEARLESS.finditer(text)]
    assert bool(plain) <= bool(_dateparse._YEARLESS_HINT.search(text))
    has_year = bool(_dateparse._YEARISH.search(text))
    assert has_year <= (
        any(c in text for c in _dateparse._CENTURIES) or bool(_dateparse._SHORT_DATE.search(text))
    )
