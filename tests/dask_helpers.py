"""Helpers of the Dask tests (test_dask_*): inputs to send through a cluster, and the rows
a serial run gives for them."""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

import declutter
from declutter.bench._data import load_dataset

SCRAPINGHUB = load_dataset("scrapinghub").pages


def serial_row(
    article: declutter.Article | None,
    *,
    input: str | None = None,
    error: str | None = None,
    url: str | None = None,
) -> dict[str, Any]:
    """The row `declutter.dask` should give for one page, from a serial run's article."""
    from declutter.dask import SCHEMA

    row = dict.fromkeys(SCHEMA.names)
    if article is None:
        row.update(input=input, error=error, url=url)
    else:
        row.update(input=input, **article.to_dict())
    return row


def rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A computed articles frame as plain Python rows (None for nulls, lists for lists)."""
    return pa.Table.from_pandas(frame, preserve_index=False).to_pylist()


def write_warc(
    path: Path, pages: Iterable[tuple[str, bytes, str | None]], *, tail: bytes = b""
) -> None:
    """A gzipped WARC of HTML responses (url, body, HTTP charset), between a warcinfo record
    and a non-HTML response; `tail` bytes after the last record (a broken one)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
    for url, body, charset in pages:
        content_type = "text/html" + (f"; charset={charset}" if charset else "")
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=BytesIO(body), http_headers=http
        )
        writer.write_record(record)
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://example.org/a.png", "response", payload=BytesIO(b"\x89PNG"), http_headers=image
        )
    )
    path.write_bytes(buffer.getvalue() + tail)


def broken_record() -> bytes:
    """A gzip member that claims to be a WARC record and is not one."""
    return gzip.compress(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ncut short"
    )


def pages_frame(pages: Sequence[Any]) -> pd.DataFrame:
    """Benchmark pages as a pandas frame: html as binary[pyarrow], url as string."""
    return pd.DataFrame(
        {
            "html": pd.array([p.html for p in pages], dtype=pd.ArrowDtype(pa.binary())),
            "url": pd.array([p.url for p in pages], dtype=pd.ArrowDtype(pa.string())),
        }
    )
