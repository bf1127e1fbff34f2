"""Property-based: whatever the bytes, text, options or arguments, `extract` returns an
`Article` that keeps its invariants. Arbitrary bytes, arbitrary text, tag soup built from
hostile tokens, and real pages mutated (cut, spliced, corrupted, hostile markup inserted).

The example counts are modest so the suite stays fast; the ``slow`` tests (``pytest -m
slow``) run the same properties on many more examples.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import declutter
import robust_hostile as hostile
from declutter import Article

_FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_SLOW = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(article: Article) -> None:
    assert isinstance(article, Article)
    assert isinstance(article.body, str) and isinstance(article.truncated, bool)
    assert 0.0 <= article.score <= 1.0
    assert article.body == "\n\n".join(b.text for b in article.blocks if b.kept)
    assert all(b.text for b in article.blocks)
    assert [b.index for b in article.blocks] == list(range(len(article.blocks)))


_PAGES = [data for _, data in hostile.real_pages()]
_TOKENS = [
    "<div>", "</div>", "<p>", "</p>", "<br>", "<br/>", "<li>", "<ul>", "</ul>", "<table>", "<tr>",
    "<td>", "</table>", "<b>", "</b>", "<i a=1>", "<a href='x'>", "</a>", "<h1>", "</h1>",
    "<article>", "</article>", "<nav>", "<script>", "</script>", "<style>", "</style>", "<svg>",
    "</svg>", "<math>", "<foreignObject>", "<select>", "<option>", "<template>", "</template>",
    "<noscript>", "</noscript>", "<frameset>", "<frame>", "<plaintext>", "<textarea>", "<title>",
    "</title>", "<pre>", "</pre>", "<!--", "-->", "<!-->", "<!DOCTYPE html>", "<![CDATA[", "]]>",
    "<?xml version='1.0'?>", "</ ", "<", ">", "&", "&amp;", "&#0;", "&#x110000;", "&nbsp", "\x00",
    "\ufeff", "\ud800", "\u202e", "\r\n", "\t", "'", '"', "=", " class=nav ", " hidden ",
    " style='display:none' ", "text, with a comma. ", "市议会周二开会。", "المجلس ", "word ",
]  # fmt: skip
_SOUP = st.lists(st.sampled_from(_TOKENS), max_size=300).map("".join)
_KINDS = ("delete", "insert", "duplicate", "truncate", "corrupt", "token", "repeat")


@st.composite
def _mutated_page(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(_PAGES)))
    for kind in draw(st.lists(st.sampled_from(_KINDS), max_size=8)):
        at = draw(st.integers(0, len(data)))
        span = draw(st.integers(0, 2_000))
        if kind == "delete":
            del data[at : at + span]
        elif kind == "insert":
            data[at:at] = draw(st.binary(max_size=64))
        elif kind == "duplicate":
            data[at:at] = data[at : at + span] * draw(st.integers(1, 20))
        elif kind == "truncate":
            del data[at:]
        elif kind == "corrupt":
            data[at : at + 1] = bytes([draw(st.integers(0, 255))])
        elif kind == "repeat":  # deep nesting, floods of one element
            data[at:at] = draw(st.sampled_from(_TOKENS)).encode("utf-8", "surrogatepass") * span
        else:
            data[at:at] = draw(_SOUP).encode("utf-8", "surrogatepass")
    return bytes(data)


_LIMITS = st.fixed_dictionaries(
    {},
    optional={
        "max_bytes": st.integers(0, 5_000), "max_nodes": st.integers(0, 200),
        "max_blocks": st.integers(0, 20), "max_depth": st.integers(0, 8),
        "max_open_formatting": st.integers(0, 4), "max_attributes": st.integers(0, 4),
        "max_select_options": st.integers(0, 4), "time_budget": st.sampled_from([None, 0.0, 1.0]),
        "prune_by_class": st.booleans(), "unprune_passes": st.integers(0, 3),
    },
)  # fmt: skip


def _as(kind: str, data: bytes) -> bytes | bytearray | memoryview:
    return {"bytes": data, "bytearray": bytearray(data), "memoryview": memoryview(data)}[kind]


@_FAST
@given(data=st.binary(max_size=4_096), kind=st.sampled_from(["bytes", "bytearray", "memoryview"]))
def test_arbitrary_bytes(data: bytes, kind: str) -> None:
    _check(declutter.extract(_as(kind, data)))


@_FAST
@given(st.text(max_size=2_000))
def test_arbitrary_text(text: str) -> None:
    _check(declutter.extract(text))


@_FAST
@given(_SOUP)
def test_tag_soup(text: str) -> None:
    _check(declutter.extract(text))
    _check(declutter.extract(text.encode("utf-8", "surrogatepass")))


@_FAST
@given(_mutated_page())
def test_mutated_real_pages(data: bytes) -> None:
    _check(declutter.extract(data))


@_FAST
@given(page=st.one_of(_SOUP, st.sampled_from(_PAGES)), limits=_LIMITS)
def test_any_limits(page: str | bytes, limits: dict[str, object]) -> None:
    _check(declutter.extract(page, options=declutter.Options(**limits)))


@_FAST
@given(
    url=st.one_of(st.none(), st.text(max_size=200)),
    encoding=st.one_of(st.none(), st.text(max_size=40)),
)
def test_any_url_and_encoding_string(url: str | None, encoding: str | None) -> None:
    _check(declutter.extract(_PAGES[0], url=url, encoding=encoding))


@pytest.mark.slow
@_SLOW
@given(_mutated_page())
def test_mutated_real_pages_many(data: bytes) -> None:
    _check(declutter.extract(data))


@pytest.mark.slow
@_SLOW
@given(
    st.one_of(st.binary(max_size=65_536), _SOUP.map(lambda s: s.encode("utf-8", "surrogatepass")))
)
def test_arbitrary_input_many(data: bytes) -> None:
    _check(declutter.extract(data))
