"""Extract whole crawls on a Dask cluster: pages in, a typed DataFrame of articles out.

Needs the extra: ``pip install 'declutter[dask]'`` (the core package never imports Dask).

    import dask.dataframe as dd
    from distributed import Client
    from declutter import Options
    from declutter.dask import articles_from_pages, articles_from_warc

    client = Client("tcp://scheduler:8786")     # or Client(): a local cluster
    articles_from_warc(["crawl-00000.warc.gz", "crawl-00001.warc.gz"]).to_parquet("articles/")
    pages = dd.read_parquet("pages/")           # columns html (bytes) and url
    articles_from_pages(pages, options=Options(include_tables=False)).to_parquet("out/")

Each partition runs `declutter.extract_many` in its worker (``jobs=1``: Dask provides the
parallelism, one task per partition). `Options` travel with the task graph: workers need
declutter installed, and no configuration of their own. The result has one row per input
page, in input order, and is the same on any cluster as a serial `declutter.extract` over
the same pages: extraction depends on nothing but the page, its URL and the options (one
exception: `Options.time_budget` is in seconds, so a pathological page that hits it on a
loaded machine is cut elsewhere; ``time_budget=None`` takes it away).

Columns (`SCHEMA`, derived from `Article`'s fields in JSON's order; in pandas every column is a nullable `pd.ArrowDtype`, which Parquet
stores as is):

========================  =================  =================================================
column                    type               value
========================  =================  =================================================
``input``                 string             where the page came from: ``PATH@OFFSET`` for a
                                             WARC record, the path for a file; null for pages
                                             from a DataFrame or Bag (their index says)
``error``                 string             null, or why this page has no article:
                                             ``TypeError: ...`` (not a page), a file or WARC
                                             record that could not be read, an exception
                                             raised inside extraction
``body``, ``title``       string             as in `declutter.Article`
``authors``               list<string>       the credited authors, in page order
``date``,                 string             ISO 8601 as precise as the page states it
``date_modified``                            (``2024-05``, ``2024-05-12T09:30+08:00``)
``date_source``, ``url``  string             `Article` fields; on an error row ``url`` is the
``canonical_url``, ...                       URL given with the page, if any
``tags``, ``categories``  list<string>
``score``                 double             0.0 to 1.0
``truncated``             bool
``encoding``              string             the charset the bytes were decoded with
``comments``              list<struct>       `Article.comments` (``text``, ``author``,
                                             ``date``; empty without ``include_comments``)
``author``                string             the authors joined with ``", "``
========================  =================  =================================================

On an error row every column but ``input``, ``error`` and ``url`` is null: a page never
fails its task. Blocks are not columns (as JSON, seven times the size of the rest on the
ScrapingHub pages).

``articles.to_parquet(path)`` writes the types as they are; read them back with
``dd.read_parquet(path, dtype_backend="pyarrow")`` (pandas cannot parse the name it stores
for a list column's type, ``list<item: string>[pyarrow]``, without it). Other Parquet
readers need nothing.

Dates stay ISO strings: a Parquet timestamp would invent precision the page does not give
("May 2024" is not midnight on May 1st) and force one time zone on a column whose pages
state their own. ``dd.to_datetime(articles.date, format="ISO8601", utc=True)`` converts
them when that is wanted.
"""

from __future__ import annotations

import itertools
import math
import os
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pyarrow as pa
from dask.delayed import delayed

from ._batch import Extracted, PageInput, extract_many
from ._inputs import Entry, InputFile, Source, Unreadable, printable, read
from ._model import RECORD_FIELDS, Article, Comment
from ._options import DEFAULT_OPTIONS, Options
from ._site import SiteMemory, learned

__all__ = ["META", "SCHEMA", "article_from_row", "articles_from_pages", "articles_from_warc"]

_TEXT = pa.string()
_TEXTS = pa.list_(pa.string())
_ARROW_TYPES: dict[object, pa.DataType] = {
    str: _TEXT,
    str | None: _TEXT,
    tuple[str, ...]: _TEXTS,
    float: pa.float64(),
    bool: pa.bool_(),
    tuple[Comment, ...]: pa.list_(pa.struct([("text", _TEXT), ("author", _TEXT), ("date", _TEXT)])),
}
"""Arrow's type for each type of an `Article` field (and of its derived ``author``)."""


def _schema() -> pa.Schema:
    """``input`` and ``error``, then the columns of `Article.to_dict` in its order, typed
    from `Article`'s declaration: one source for JSON, CSV and these columns."""
    hints = {**typing.get_type_hints(Article), "author": str | None}
    return pa.schema(
        [("input", _TEXT), ("error", _TEXT)]
        + [(name, _ARROW_TYPES[hints[name]]) for name in Article().to_dict()]
    )


SCHEMA = _schema()
"""The columns of an articles DataFrame (see the module's documentation)."""
META = SCHEMA.empty_table().to_pandas(types_mapper=pd.ArrowDtype)
"""An empty pandas DataFrame with `SCHEMA`'s columns and dtypes: Dask's ``meta``."""
_SEQUENCES = frozenset(name for name in SCHEMA.names if SCHEMA.field(name).type == _TEXTS)

_Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class _DaskSettings:
    """What every partition's task needs besides its pages: it travels in the graph."""

    options: Options = DEFAULT_OPTIONS
    reference_time: datetime | None = None
    url: str | None = None
    """For files (the command line's ``--url``); WARC records bring their own."""
    encoding: str | None = None
    """For files (``--encoding``); WARC records bring their own."""
    cwd: str = ""
    """Where relative paths start: the directory of the process that built the graph (a
    worker may run anywhere); names keep the paths as given."""
    site_memory: SiteMemory | None = None
    """The caller's memory of each site's boilerplate (pickled into the graph)."""


def _settings(
    options: Options | None, reference_time: datetime | None, site_memory: SiteMemory | None = None
) -> _DaskSettings:
    if options is not None and not isinstance(options, Options):
        raise TypeError(f"options must be a declutter.Options, not {type(options).__name__}")
    learned(site_memory)  # its TypeError now, not on a worker
    return _DaskSettings(options or DEFAULT_OPTIONS, reference_time, site_memory=site_memory)


# --- public API ----------------------------------------------------------------------------


def articles_from_pages(
    pages: dd.DataFrame | db.Bag,
    *,
    html: str = "html",
    url: str | None = "url",
    encoding: str | None = None,
    options: Options | None = None,
    reference_time: datetime | None = None,
    site_memory: SiteMemory | None = None,
) -> dd.DataFrame:
    """The articles of `pages`, one row per page, in order (columns: `SCHEMA`).

    `pages` is a Dask DataFrame whose column `html` holds each page (bytes, e.g. a
    ``binary[pyarrow]`` column, or str) and column `url` its URL (None: no URL column), or a
    Bag whose items are the HTML, ``(html, url)``, ``(html, url, encoding)`` or mappings
    with those keys. `encoding` names a column (a key) holding the charset a transport
    states, such as an HTTP header. The result keeps a DataFrame's index and divisions (rows
    line up with `pages`); from a Bag, each partition's rows are numbered from 0.

    Dask turns object columns of a pandas frame into strings when it loads them
    (``dataframe.convert-string``), which ruins bytes: hold bytes in a ``binary[pyarrow]``
    column (``pd.ArrowDtype(pa.binary())``), as ``dd.read_parquet`` does.

    `site_memory`, a `declutter.SiteMemory` learned from the pages beforehand, removes the
    lines it knows as each site's boilerplate (as `declutter.extract_many` does).
    """
    settings = _settings(options, reference_time, site_memory)
    if isinstance(pages, db.Bag):
        keys = (html, url, encoding)
        tasks = [
            delayed(_bag_partition, pure=True)(part, keys, settings) for part in pages.to_delayed()
        ]
        return dd.from_delayed(tasks, meta=META, verify_meta=False)
    missing = [c for c in (html, url, encoding) if c is not None and c not in pages.columns]
    if missing:
        raise KeyError(f"pages has no column {', '.join(map(repr, missing))}")
    return pages.map_partitions(_frame_partition, (html, url, encoding), settings, meta=META)


def articles_from_warc(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    options: Options | None = None,
    reference_time: datetime | None = None,
    site_memory: SiteMemory | None = None,
) -> dd.DataFrame:
    """The articles of the HTML responses in WARC files, one partition per file, records in
    file order (columns: `SCHEMA`; ``input`` is ``PATH@OFFSET``).

    The records read are those ``declutter crawl.warc.gz`` reads (``docs/cli.md``): HTTP
    2xx ``text/html`` responses, with the record's URL and its HTTP header's charset. Every
    worker must be able to open the paths (a shared file system). A file that is missing or
    not a WARC file, or a record that cannot be read, is an error row named after the file
    (the records before it keep their rows). `site_memory` as in `articles_from_pages`.
    """
    names = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    groups = [[Entry(os.fspath(name), warc=True)] for name in names]
    settings = replace(_settings(options, reference_time, site_memory), cwd=os.getcwd())
    return _articles_from_entries(groups, settings)


def article_from_row(row: Mapping[str, Any]) -> Article | None:
    """The `Article` of one row (a dict of `SCHEMA`'s columns, as
    ``pyarrow.Table.to_pylist`` gives them), without its blocks; None for an error row."""
    if row.get("error") is not None:
        return None
    values = {name: row[name] for name in RECORD_FIELDS}
    for name in _SEQUENCES:
        values[name] = tuple(values[name] or ())
    values["comments"] = tuple(Comment(**c) for c in values["comments"] or ())
    return Article(**values)


# --- the command line's inputs: files and WARC files ---------------------------------------


def _articles_from_entries(groups: Sequence[list[Entry]], settings: _DaskSettings) -> dd.DataFrame:
    """One partition per group of entries (the command line's files), read by the worker."""
    if not groups:
        raise ValueError("no input files")
    return dd.from_map(
        _entries_partition, groups, args=(settings,), meta=META, label="declutter-articles"
    )


def _partitions(entries: Sequence[Entry], partitions: int) -> list[list[Entry]]:
    """`entries` cut into about `partitions` runs, in order; a WARC file is a run of its
    own (it holds many pages, read in one pass)."""
    files = sum(not e.warc for e in entries)
    size = max(math.ceil(files / max(partitions, 1)), 1)
    groups: list[list[Entry]] = []
    for warc, run in itertools.groupby(entries, key=lambda e: e.warc):
        items = list(run)
        step = 1 if warc else size
        groups.extend(items[i : i + step] for i in range(0, len(items), step))
    return groups


# --- in the worker -------------------------------------------------------------------------


def _frame_partition(
    part: pd.DataFrame, columns: tuple[str, str | None, str | None], settings: _DaskSettings
) -> pd.DataFrame:
    html, url, encoding = (_column(part, c) for c in columns)
    pages: Iterator[PageInput] = zip(html, url, encoding)
    return _frame([_row(r) for r in _extract(pages, settings)], part.index)


def _column(part: pd.DataFrame, name: str | None) -> list[Any]:
    if name is None:
        return [None] * len(part)
    return [None if _missing(value) else value for value in part[name].tolist()]


def _missing(value: object) -> bool:
    """A frame's null: None, pandas' NA, or a float NaN (pandas' str dtype)."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _bag_partition(
    items: list[Any], keys: tuple[str, str | None, str | None], settings: _DaskSettings
) -> pd.DataFrame:
    pages = (_bag_page(item, keys) for item in items)
    return _frame([_row(r) for r in _extract(pages, settings)])


def _bag_page(item: Any, keys: tuple[str, str | None, str | None]) -> PageInput:
    """A Bag item as `extract_many` takes it; anything else passes as is and gives an error
    row there."""
    if isinstance(item, Mapping):
        return tuple(None if k is None else item.get(k) for k in keys)  # type: ignore[return-value]
    return item


def _entries_partition(entries: list[Entry], settings: _DaskSettings) -> pd.DataFrame:
    return _frame(list(_source_rows(_read(entries, settings), settings)))


def _read(entries: list[Entry], settings: _DaskSettings) -> Iterator[Source]:
    """The pages of `entries` (`_inputs.read`), relative paths taken from
    `settings.cwd`, named after the paths as given."""
    for entry in entries:
        path = os.path.join(settings.cwd, entry.path)
        sources = read(
            [replace(entry, path=path)], limit=settings.options.max_bytes, url=settings.url,
            encoding=settings.encoding,
        )  # fmt: skip
        # a file the reader chokes on fails as a row, never as the partition's task
        name, prefix = printable(entry.path), len(printable(path))
        try:
            for source in sources:  # named PATH, or PATH@OFFSET in a WARC file
                yield replace(source, name=name + source.name[prefix:])
        except Exception as exc:  # noqa: BLE001
            yield Unreadable(name, f"{type(exc).__name__}: {exc}")


def _source_rows(sources: Iterable[Source], settings: _DaskSettings) -> Iterator[_Row]:
    """Rows of the pages read from files, in order; an input that could not be read (a
    missing file, a broken WARC record) is an error row."""
    for unreadable, run in itertools.groupby(sources, key=lambda s: isinstance(s, Unreadable)):
        if unreadable:
            yield from (_error_row(s.name, s.message) for s in run if isinstance(s, Unreadable))
        else:
            yield from _file_rows((s for s in run if isinstance(s, InputFile)), settings)


def _file_rows(pages: Iterator[InputFile], settings: _DaskSettings) -> Iterator[_Row]:
    # two views of one stream: the data goes to extraction, the names to the rows; the tee
    # holds one page at a time (a WARC file's pages never all sit in memory)
    named, read_ = itertools.tee(pages)
    extracted = _extract(((p.data, p.url, p.encoding) for p in read_), settings)
    for page, result in zip(named, extracted, strict=True):
        yield _row(result, page.name)


def _extract(pages: Iterable[PageInput], settings: _DaskSettings) -> Iterator[Extracted]:
    return extract_many(
        pages, jobs=1, options=settings.options,
        reference_time=settings.reference_time, keep_blocks=False, site_memory=settings.site_memory,
    )  # fmt: skip


def _row(result: Extracted, name: str | None = None) -> _Row:
    if result.article is None:
        return {"input": name, "error": result.error, "url": result.url}
    return {"input": name, "error": None, **result.article.to_dict()}


def _error_row(name: str, message: str) -> _Row:
    return {"input": name, "error": message}


def _frame(rows: list[_Row], index: pd.Index | None = None) -> pd.DataFrame:
    frame = pa.Table.from_pylist(rows, schema=SCHEMA).to_pandas(types_mapper=pd.ArrowDtype)
    if index is not None:
        frame.index = index
    return frame
