"""What the command line reads: files, directories, lists of paths, stdin, WARC files, URLs.

`plan` turns the command line's names into entries (directories walked, lists read) and
`read` yields one `InputFile` per HTML document, or an `Unreadable` for an input that could not
be read or is no web page (empty, binary, a ``.gz`` that is not gzip: `_decode.not_a_page`),
in order. Directories give their regular files only (a FIFO or a device in one is never
opened); a FIFO named on the command line is read as a stream. Files may be
gzip-compressed (``page.html.gz``). A WARC file yields one
page per HTML response record (``WARC-Type: response``, HTTP status 2xx, ``Content-Type``
``text/html`` or ``application/xhtml+xml``), with the record's URL and the charset of its
HTTP ``Content-Type`` header. An http(s) URL is a `Remote`, fetched where it is extracted
(in the worker processes). At most ``max_bytes + 1`` bytes of any document are read,
decompressed included: extraction cuts at ``max_bytes`` and marks the result truncated.

Names reach every output valid UTF-8 (`printable`): a byte of a file name that is not
UTF-8 is written ``\\xHH`` (docs/formats.md).
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath, PurePosixPath
from typing import Any, BinaryIO
from urllib.parse import unquote, urlsplit

from ._decode import not_a_page
from ._fetch import HTML_TYPES, charset_of, is_url

__all__ = [
    "DEFAULT_GLOBS", "Entry", "InputFile", "Remote", "Unreadable", "output_stem", "plan", "printable",
    "read", "url_stem",
]  # fmt: skip

DEFAULT_GLOBS = ("*.html", "*.htm", "*.xhtml", "*.html.gz", "*.htm.gz", "*.warc", "*.warc.gz")
_GZIP_MAGIC = b"\x1f\x8b"
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True, slots=True)
class Entry:
    """One name to read: a file (found in a directory or named), or ``-`` for stdin."""

    path: str
    warc: bool = False
    remote: bool = False
    """An http(s) URL."""


@dataclass(frozen=True, slots=True)
class InputFile:
    """One HTML document to extract."""

    name: str
    """For messages and the JSON ``input`` field: the path, ``-``, or ``PATH@OFFSET`` for
    a WARC record, `printable`."""
    data: bytes
    url: str | None
    encoding: str | None
    stem: PurePosixPath
    """Where its outputs go under ``--output-dir``, without the format's extension."""


@dataclass(frozen=True, slots=True)
class Unreadable:
    name: str
    """As `Page.name`, `printable`."""
    message: str


@dataclass(frozen=True, slots=True)
class Remote:
    """A page to fetch: `name` is its URL."""

    name: str
    stem: PurePosixPath


Source = InputFile | Remote | Unreadable


class _NotAPage(Exception):
    """The input was read, and is no web page (its message says why)."""


def printable(name: str) -> str:
    """`name` as valid UTF-8 text: a byte that is not UTF-8 (an undecodable file name comes
    as a lone surrogate, Python's ``surrogateescape``) becomes the four characters ``\\xHH``."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file name holds: escaped as \udXXX
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def plan(
    names: Sequence[str], globs: Sequence[str], listed: Iterable[str] = ()
) -> tuple[list[Entry], list[tuple[str, str]]]:
    """Entries for `names` and the `listed` names (from ``--files-from``), directories
    walked for files matching `globs`; and (directory, message) for each directory without
    such files. A name that does not exist stays an entry: `read` reports it in its place."""
    entries: list[Entry] = []
    empty: list[tuple[str, str]] = []
    for name in [*names, *listed]:
        if name == "-":
            entries.append(Entry("-"))
        elif is_url(name):
            entries.append(Entry(name, remote=True))
        elif os.path.isdir(name):
            found = list(_walk(name, globs or DEFAULT_GLOBS))
            if not found:
                empty.append((name, f"no file matches {' '.join(globs or DEFAULT_GLOBS)}"))
            entries.extend(found)
        else:
            entries.append(Entry(name, warc=_is_warc(name) and os.path.isfile(name)))
    return entries, empty


def _walk(root: str, globs: Sequence[str]) -> Iterator[Entry]:
    """Files under `root` whose name or relative path matches a glob (case-insensitive),
    in sorted order; symbolic links to directories are not followed."""
    patterns = [g.lower() for g in globs]
    for directory, subdirs, files in os.walk(root):
        subdirs.sort()
        for name in sorted(files):
            path = os.path.join(directory, name)
            if not os.path.isfile(path):  # a FIFO would block forever, a device never end
                continue
            relative = os.path.relpath(path, root).replace(os.sep, "/").lower()
            if any(
                fnmatch.fnmatchcase(name.lower(), p) or fnmatch.fnmatchcase(relative, p)
                for p in patterns
            ):
                yield Entry(path, warc=_is_warc(name))


def _is_warc(name: str) -> bool:
    return name.lower().endswith(_WARC_SUFFIXES)


def read(
    entries: Iterable[Entry], *, limit: int, url: str | None, encoding: str | None
) -> Iterator[Source]:
    """The pages of `entries`, in order; `url` and `encoding` apply to files and stdin
    (a WARC record brings its own)."""
    for entry in entries:
        if entry.remote:
            yield Remote(entry.path, url_stem(entry.path))
            continue
        if entry.warc:
            yield from _warc_pages(entry.path, limit)
            continue
        name = printable(entry.path)
        try:
            data = _read_stdin(limit) if entry.path == "-" else _read_file(entry.path, limit)
        except (OSError, EOFError, zlib.error) as exc:
            yield Unreadable(name, _message(exc))
            continue
        except _NotAPage as exc:
            yield Unreadable(name, str(exc))
            continue
        stem = PurePosixPath("stdin") if entry.path == "-" else output_stem(entry.path)
        yield _checked(InputFile(name, data, url, encoding, stem))


def _checked(page: InputFile) -> Source:
    """The page, or an `Unreadable` saying why it is no web page."""
    reason = not_a_page(page.data)
    return page if reason is None else Unreadable(page.name, reason)


def _message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _read_file(path: str, limit: int) -> bytes:
    if os.path.isdir(path):
        raise IsADirectoryError(21, "Is a directory")
    with open(path, "rb") as stream:
        return _read_maybe_gzip(stream, limit, gzip_named=path.lower().endswith(".gz"))


def _read_stdin(limit: int) -> bytes:
    return _read_maybe_gzip(io.BytesIO(sys.stdin.buffer.read(limit + 1)), limit)


def _read_maybe_gzip(stream: BinaryIO, limit: int, *, gzip_named: bool = False) -> bytes:
    """Up to ``limit + 1`` bytes of `stream`, decompressed when it is gzip; `_NotAPage`
    when a file named ``.gz`` is not gzip data, or its gzip data is broken."""
    head = stream.read(2)
    if head != _GZIP_MAGIC:
        if gzip_named:
            raise _NotAPage("not gzip data")
        return head + stream.read(limit + 1 - len(head))
    stream.seek(0)
    try:
        with gzip.GzipFile(fileobj=stream) as unzipped:
            return unzipped.read(limit + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise _NotAPage(f"broken gzip data ({_message(exc)})") from None


def output_stem(path: str) -> PurePosixPath:
    """The input's path as given, made relative (no root, no ``..``), without its HTML
    (and gzip) extension: ``site/a/index.html`` -> ``site/a/index``."""
    pure = PurePath(path)
    parts = [p for p in (pure.parts[1:] if pure.anchor else pure.parts) if p not in ("..", ".")]
    stem = PurePosixPath(*parts) if parts else PurePosixPath("page")
    name = stem.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    for suffix in (*_WARC_SUFFIXES, *_HTML_SUFFIXES):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return stem.with_name(name)


_UNSAFE = re.compile(r"[^\w.@+-]+")


def url_stem(url: str) -> PurePosixPath:
    """Where a URL's outputs go under ``--output-dir``: host, then the path's segments
    (``index`` for a path ending in ``/``), characters unsafe in file names replaced, and
    the query kept in the last name: ``https://a.com/x/?p=2`` -> ``a.com/x/index_p_2``."""
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/")]
    names = [_UNSAFE.sub("_", s) for s in segments if s not in ("", ".", "..")]
    if not names or parts.path.endswith("/"):
        names.append("index")
    if parts.query:
        names[-1] += "_" + _UNSAFE.sub("_", unquote(parts.query))
    host = _UNSAFE.sub("_", parts.netloc.rsplit("@", 1)[-1]) or "url"
    stem = PurePosixPath(host, *(n[:_NAME_MAX] for n in names))
    return output_stem(str(stem))


_NAME_MAX = 200
"""Characters kept of each name (file systems allow 255 bytes)."""


# --- WARC -------------------------------------------------------------------------------


def _warc_pages(path: str, limit: int) -> Iterator[Source]:
    try:
        from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
        from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]
    except ImportError:
        install = "reading WARC files needs warcio: pip install 'declutter[warc]'"
        yield Unreadable(printable(path), install)
        return
    stem = output_stem(path)
    name = printable(path)
    try:
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                page = _warc_page(record, limit)
                if page is not None:
                    offset = records.get_record_offset()
                    data, url, charset = page
                    yield _checked(
                        InputFile(f"{name}@{offset}", data, url, charset, stem / str(offset))
                    )
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as exc:
        yield Unreadable(name, f"not a readable WARC file: {_message(exc)}")
    except (AttributeError, KeyError, IndexError, TypeError) as exc:  # warcio's parser on a
        # malformed record (a response without WARC-Target-URI raises AttributeError)
        yield Unreadable(name, f"not a readable WARC file: {type(exc).__name__}: {exc}")


def _warc_page(record: Any, limit: int) -> tuple[bytes, str | None, str | None] | None:
    """(payload, URL, HTTP charset) of an HTML response record, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    http, warc_headers = record.http_headers, record.rec_headers
    status = str(http.get_statuscode() or "")
    content_type = http.get_header("Content-Type") or ""
    if not content_type:
        content_type = warc_headers.get_header("WARC-Identified-Payload-Type") or ""
    if not status.startswith("2") or content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    data: bytes = record.content_stream().read(limit + 1)
    url: str | None = warc_headers.get_header("WARC-Target-URI")
    return data, url.strip("<> ") if url else None, charset_of(content_type)
