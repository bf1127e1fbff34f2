"""`declutter.extract_many`: many pages, in order, in worker processes, errors per item."""

from __future__ import annotations

import pytest

import declutter
from declutter.testing import portal_pages


def _pages() -> list[tuple[bytes, str | None]]:
    return [(p.html, p.expected.get("url")) for p in portal_pages()][:12]


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_equal_serial_extraction_in_input_order(jobs: int) -> None:
    pages = _pages()
    serial = [declutter.extract(html, url=url) for html, url in pages]
    results = list(declutter.extract_many(pages, jobs=jobs, chunk_size=5))
    assert [r.index for r in results] == list(range(len(pages)))
    assert [r.article for r in results] == serial
    assert [r.url for r in results] == [url for _, url in pages]


def test_a_bad_item_is_its_own_error_and_the_batch_goes_on() -> None:
    items = [b"<p>First page, with a sentence.</p>", 42, ("<p>Third.</p>", "https://a.example/3")]
    results = list(declutter.extract_many(items, jobs=2))  # type: ignore[list-item]
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].article is None and results[1].error.startswith("TypeError")  # type: ignore[union-attr]
    assert results[2].url == "https://a.example/3"


def test_keep_blocks_false_drops_only_the_blocks() -> None:
    pages = _pages()[:3]
    full = [r.article for r in declutter.extract_many(pages)]
    light = [r.article for r in declutter.extract_many(pages, keep_blocks=False)]
    assert all(a and b and a.body == b.body and a.title == b.title for a, b in zip(full, light))
    assert all(b and b.blocks == () for b in light)


def test_pages_are_consumed_lazily() -> None:
    """A generator of pages is read a window at a time, not all at once."""
    seen = []

    def pages():
        for i in range(1000):
            seen.append(i)
            yield f"<p>Page {i}, a short one.</p>"

    results = declutter.extract_many(pages(), jobs=1, chunk_size=4)
    first = next(iter(results))
    assert first.index == 0 and len(seen) < 100


def test_options_are_checked() -> None:
    with pytest.raises(TypeError):
        list(declutter.extract_many([b"<p>x</p>"], options={"max_link_ratio": 0.1}))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        list(declutter.extract_many([b"<p>x</p>"], jobs=-1))


def test_a_page_may_bring_its_transport_charset() -> None:
    """``(html, url, encoding)``: the charset a WARC record's HTTP header states."""
    page = "<p>Grüße aus Köln, ein Satz mit Umlauten.</p>".encode("cp1252")
    url = "https://a.example/1"
    results = list(declutter.extract_many([(page, url, "windows-1252"), (page, url)]))
    assert results[0].article == declutter.extract(page, url=url, encoding="windows-1252")
    assert results[0].article is not None and "Grüße" in results[0].article.body
    assert results[1].article == declutter.extract(page, url=url)
    bad = list(declutter.extract_many([(page,), (page, url, None, "x")]))  # type: ignore[list-item]
    assert [r.error is not None and r.error.startswith("TypeError") for r in bad] == [True, True]
