"""`declutter.extract_many`: many pages, in order, in worker processes, errors per item."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

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


def test_bytes_that_are_no_page_are_that_items_error() -> None:
    """The command line's check (empty, a binary format, control or NUL bytes), reported
    per item; `extract` itself keeps giving such input an empty article."""
    good = b"<article><p>" + b"A sentence of the article, long enough to be kept. " * 5
    items: list[declutter.Page] = [
        good,
        b"",
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "https://a.example/x.png"),
        bytes(range(256)) * 8,
        b"\0" * 1000,
        "",
        gzip.compress(good),
        good,
    ]
    results = list(declutter.extract_many(items))
    assert [r.error for r in results] == [
        None,
        "empty file",
        "not HTML (PNG image data)",
        "not HTML (binary data)",
        "not HTML (binary data)",
        "empty file",
        "not HTML (gzip compressed data)",
        None,
    ]
    assert results[2].url == "https://a.example/x.png" and results[2].article is None
    assert results[0].article == declutter.extract(good) and results[0].article.body
    assert declutter.extract(b"").body == "" == declutter.extract(bytes(range(256)) * 8).body


_UNGUARDED = """\
import declutter
pages = [b"<p>" + b"One sentence of an article, long enough. " * 5 + b"</p>"] * 3
for result in declutter.extract_many(pages, jobs=2):
    print("ok" if result.ok else result.error)
"""


def test_a_script_without_a_main_guard_gets_one_clear_error(tmp_path: Path) -> None:
    """The workers import the script and die starting workers of their own: one error that
    says what to do, never three pages reported as failed."""
    script = tmp_path / "unguarded.py"
    script.write_text(_UNGUARDED)
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 1
    assert done.stdout == ""  # not one page was reported, failed or not
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("declutter._batch.WorkersCannotStart: ")
    assert 'under `if __name__ == "__main__":`' in last
    guarded = tmp_path / "guarded.py"
    body = "".join("    " + line + "\n" for line in _UNGUARDED.splitlines()[1:])
    guarded.write_text(f'import declutter\nif __name__ == "__main__":\n{body}')
    done = subprocess.run(
        [sys.executable, str(guarded)], capture_output=True, text=True, timeout=300, check=False
    )
    assert (done.returncode, done.stdout) == (0, "ok\nok\nok\n"), done.stderr
