"""`declutter.dask`: pages and WARC files through a real two-process LocalCluster give the
rows of a serial run, column by column, in input order, with an error row per bad page."""

from __future__ import annotations

import os
import pickle
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.dataframe", reason="needs pip install 'declutter[dask]'")
pytest.importorskip("distributed", reason="needs pip install 'declutter[dask]'")

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pyarrow as pa

import declutter
from dask_helpers import SCRAPINGHUB, broken_record, pages_frame, rows, serial_row, write_warc
from declutter import _batch
from declutter._inputs import Entry, Unreadable, read
from declutter.dask import (
    META,
    SCHEMA,
    article_from_row,
    articles_from_pages,
    articles_from_warc,
)
from declutter.testing import portal_pages
from outputs_helpers import make_warc

OPTIONS = declutter.Options(include_tables=False, max_link_ratio=0.4)
"""Not the defaults: the options must travel with the tasks."""


def _compute(client: Any, frame: dd.DataFrame) -> pd.DataFrame:
    return client.compute(frame).result()


def test_scrapinghub_pages_equal_a_serial_run(dask_client: Any, tmp_path: Path) -> None:
    pages_frame(SCRAPINGHUB).to_parquet(tmp_path / "pages.parquet", row_group_size=25)
    pages = dd.read_parquet(tmp_path / "pages.parquet", split_row_groups=True)
    assert pages.npartitions > 4
    articles = articles_from_pages(pages, options=OPTIONS)
    result = _compute(dask_client, articles)
    serial = [declutter.extract(p.html, url=p.url, options=OPTIONS) for p in SCRAPINGHUB]
    assert rows(result) == [serial_row(a) for a in serial]
    assert list(result.index) == list(pages.index.compute())  # the rows line up with the pages
    assert result.dtypes.to_dict() == META.dtypes.to_dict()
    defaults = [declutter.extract(p.html, url=p.url) for p in SCRAPINGHUB]
    assert sum(a != b for a, b in zip(serial, defaults)) > 0  # the options travelled


def test_fixture_pages_in_a_bag_with_bad_items(dask_client: Any) -> None:
    fixtures = [(p.html, p.expected.get("url")) for p in portal_pages()]
    items: list[Any] = [*fixtures[:10], 42, {"html": fixtures[10][0], "url": fixtures[10][1]}]
    items += [None, (fixtures[11][0],), *fixtures[12:]]
    items += [(_PNG, "https://a.example/logo.png"), b""]  # bytes that are no page
    result = _compute(dask_client, articles_from_pages(db.from_sequence(items, npartitions=4)))

    def expected(item: Any) -> dict[str, Any]:
        if item == b"":
            return serial_row(None, error="empty file")
        if isinstance(item, tuple) and item[0] == _PNG:
            return serial_row(None, error="not HTML (PNG image data)", url=item[1])
        if isinstance(item, dict):
            html, url = item["html"], item["url"]
        elif isinstance(item, tuple) and len(item) == 2:
            html, url = item
        else:  # not a page: extract's TypeError becomes the row's error
            html, url = item, None
        try:
            return serial_row(declutter.extract(html, url=url))
        except TypeError as exc:
            return serial_row(None, error=f"TypeError: {exc}")

    assert rows(result) == [expected(item) for item in items]
    errors = result["error"].notna().tolist()
    last = len(items) - 1
    assert [i for i, bad in enumerate(errors) if bad] == [10, 12, 13, last - 1, last]


_PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def test_files_that_are_no_page_are_error_rows_named_in_utf8(tmp_path: Path) -> None:
    """The command line's inputs on a worker: a binary file, an empty one and a name that is
    not UTF-8 give rows as the command line reports them (one check, `not_a_page`)."""
    from declutter.dask import _DaskSettings, _entries_partition

    good = portal_pages()[0].html
    names = [b"good.html", b"logo.html", b"empty.html", b"caf\xe9.html"]
    for name, data in zip(names, [good, _PNG, b"", good], strict=True):
        (tmp_path / os.fsdecode(name)).write_bytes(data)
    entries = [Entry(os.fsdecode(name)) for name in names]
    frame = _entries_partition(entries, _DaskSettings(cwd=str(tmp_path)))
    records = pa.Table.from_pandas(frame, preserve_index=False).to_pylist()
    inputs = [r["input"] for r in records]
    assert inputs == ["good.html", "logo.html", "empty.html", "caf\\xe9.html"]
    assert [r["error"] for r in records] == [None, "not HTML (PNG image data)", "empty file", None]
    assert records[3]["body"] == declutter.extract(good).body


def test_warc_files_equal_a_serial_run(dask_client: Any, tmp_path: Path) -> None:
    pages = [(p.url or f"https://example.org/{i}", p.html, None) for i, p in enumerate(SCRAPINGHUB)]
    paths = [tmp_path / "a.warc.gz", tmp_path / "b.warc.gz", tmp_path / "c.warc.gz"]
    write_warc(paths[0], pages[:30])
    write_warc(paths[1], pages[30:45], tail=broken_record())  # a record that cannot be read
    make_warc(paths[2])  # a charset stated only by the HTTP header, a chunked body, skips
    names = [str(p) for p in paths] + [str(tmp_path / "missing.warc.gz")]
    result = _compute(dask_client, articles_from_warc(names, options=OPTIONS))

    entries = [Entry(name, warc=True) for name in names]
    expected = []
    for source in read(entries, limit=OPTIONS.max_bytes, url=None, encoding=None):
        if isinstance(source, Unreadable):
            expected.append(serial_row(None, input=source.name, error=source.message))
        else:
            article = declutter.extract(
                source.data, url=source.url, encoding=source.encoding, options=OPTIONS
            )
            expected.append(serial_row(article, input=source.name))
    assert rows(result) == expected
    assert len(expected) == 30 + 15 + 1 + 2 + 1
    failed = result[result["error"].notna()]
    assert failed["input"].tolist() == [names[1], names[3]]
    assert result["encoding"].tolist()[46] == "gb18030"  # the HTTP header's GB2312, as browsers


def test_an_exception_inside_extraction_fails_its_page_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Here, not on the cluster: the workers' extract cannot be patched from the test."""
    real = _batch.timed_extract

    def extract(html: Any, *args: Any) -> declutter.Article:
        if b"boom" in html:
            raise RuntimeError("boom")
        return real(html, *args)

    monkeypatch.setattr(_batch, "timed_extract", extract)
    pages = pd.DataFrame({"html": [b"<p>One, a page.</p>", b"<p>boom</p>", b"<p>Two, too.</p>"]})
    frame = dd.from_pandas(pages.astype(pd.ArrowDtype(pa.binary())), npartitions=1)
    result = articles_from_pages(frame, url=None).compute(scheduler="sync")
    assert [(r["error"], r["body"]) for r in rows(result)] == [
        (None, "One, a page."),
        ("RuntimeError: boom", None),
        (None, "Two, too."),
    ]


def test_a_wrong_argument_inside_extraction_is_an_error_row(dask_client: Any) -> None:
    pages = dd.from_pandas(pages_frame(SCRAPINGHUB[:4]), npartitions=2)
    result = _compute(dask_client, articles_from_pages(pages, reference_time="now"))  # type: ignore[arg-type]
    assert all(e.startswith("TypeError: ") for e in result["error"])
    assert result["url"].tolist() == [p.url for p in SCRAPINGHUB[:4]]
    assert result["body"].isna().all()


def test_the_result_is_deterministic(dask_client: Any) -> None:
    def build() -> dd.DataFrame:
        pages = dd.from_pandas(pages_frame(SCRAPINGHUB[:20]), npartitions=3)
        return articles_from_pages(pages, options=OPTIONS)

    assert dask.base.tokenize(build()) == dask.base.tokenize(build())
    pd.testing.assert_frame_equal(_compute(dask_client, build()), build().compute(scheduler="sync"))


def test_parquet_round_trip(dask_client: Any, tmp_path: Path) -> None:
    pages = dd.from_pandas(pages_frame(SCRAPINGHUB[:12]), npartitions=3)
    articles = articles_from_pages(pages)
    dask_client.compute(articles.to_parquet(tmp_path / "out", compute=False)).result()
    back = dd.read_parquet(tmp_path / "out", dtype_backend="pyarrow").compute()
    assert rows(back) == rows(_compute(dask_client, articles))


def test_schema_holds_every_article_field_in_the_json_order() -> None:
    article_fields = [f.name for f in fields(declutter.Article) if f.name not in ("blocks", "score_parts")]
    assert SCHEMA.names == ["input", "error", *article_fields, "author"]
    assert SCHEMA.names[2:] == list(declutter.extract("<p>x</p>").to_dict())
    assert list(META.columns) == SCHEMA.names and len(META) == 0


def test_rows_give_back_the_articles() -> None:
    article = declutter.extract(SCRAPINGHUB[0].html, url=SCRAPINGHUB[0].url)
    row = serial_row(article, input="x")
    assert article_from_row(row) == declutter.Article(
        **{f.name: getattr(article, f.name) for f in fields(article) if f.name not in ("blocks", "score_parts")}
    )
    assert article_from_row(serial_row(None, error="TypeError: no")) is None


def test_comments_are_a_column_and_come_back() -> None:
    page = (
        "<article><p>The story, long enough to be kept as the body of this page, with commas.</p>"
        '</article><div id="comments"><div class="comment"><span class="author">Ana</span> '
        '<time datetime="2024-05-02">2 May</time><p>Nice story, thanks.</p></div></div>'
    )
    article = declutter.extract(page, options=declutter.Options(include_comments=True))
    assert article.comments
    frame = pa.Table.from_pylist([serial_row(article, input="x")], schema=SCHEMA)
    back = article_from_row(frame.to_pylist()[0])
    assert back is not None and back.comments == article.comments


def test_options_pickle_and_arguments_are_checked() -> None:
    assert pickle.loads(pickle.dumps(OPTIONS)) == OPTIONS
    pages = dd.from_pandas(pages_frame(SCRAPINGHUB[:2]), npartitions=1)
    with pytest.raises(KeyError, match="'link'"):
        articles_from_pages(pages, url="link")
    with pytest.raises(TypeError):
        articles_from_pages(pages, options={"max_link_ratio": 0.4})  # type: ignore[arg-type]


def test_a_site_memory_travels_to_the_workers(dask_client: Any) -> None:
    pages = [p for p in SCRAPINGHUB if "morebikes.co.uk/" in (p.url or "")]
    memory = declutter.SiteMemory()
    for page in pages:
        memory.learn(declutter.extract(page.html, url=page.url), page.url)
    frame = dd.from_pandas(pages_frame(pages), npartitions=2)
    result = _compute(dask_client, articles_from_pages(frame, site_memory=memory))
    serial = [declutter.extract(p.html, url=p.url, site_memory=memory).body for p in pages]
    assert list(result["body"]) == serial
    assert not any("Get Motor Cycle Monthly" in body for body in serial)
    with pytest.raises(TypeError, match="SiteMemory"):
        articles_from_pages(frame, site_memory="memory")  # type: ignore[arg-type]
