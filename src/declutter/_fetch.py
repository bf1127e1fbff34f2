"""Pages from the web: `fetch` one URL over HTTP(S), `extract_url` to fetch and extract.

Built on urllib3 (connection handling, redirects, timeouts, content decoding); this module
adds what extraction needs: a cap on the bytes read (after decompression), the charset of
the ``Content-Type`` header, a polite User-Agent, and every failure (a network error, an
HTTP error status, a response that is not HTML) as one `FetchError` with a one-line message.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from ._api import extract
from ._errors import FetchError
from ._model import Article
from ._options import DEFAULT_OPTIONS, Options
from ._version import __version__

if TYPE_CHECKING:
    import urllib3

__all__ = [
    "DEFAULT_TIMEOUT", "FetchError", "Fetched", "HTML_TYPES", "charset_of", "extract_url",
    "fetch", "is_url", "user_agent",
]  # fmt: skip

DEFAULT_TIMEOUT = 30.0
"""Seconds a fetch may take in all (connecting, each read, and the whole download)."""
_MAX_REDIRECTS = 10
_CHUNK = 64 * 1024
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
HTML_TYPES = ("text/html", "application/xhtml+xml")
"""Media types read as pages (a response without ``Content-Type`` is read too)."""
_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';,\s]+)""", re.IGNORECASE)
_SCHEMES = ("http", "https")


@dataclass(frozen=True, slots=True)
class Fetched:
    """One HTTP response, ready for `declutter.extract`."""

    url: str
    """The address the content came from, after redirects."""
    status: int
    """The HTTP status code (2xx)."""
    headers: Mapping[str, str]
    """The response's headers, names in lower case (a repeated header's values joined with
    ``", "``)."""
    content: bytes
    """The body, decompressed, at most `max_bytes` + 1 bytes (one more than the cap, so
    that `extract` with the same `max_bytes` sees it was cut)."""
    encoding: str | None
    """The ``charset`` of the ``Content-Type`` header, for ``extract(encoding=...)``."""
    truncated: bool
    """The body was longer than `max_bytes` and was cut."""


def user_agent() -> str:
    """The User-Agent sent unless the caller gives one: declutter and its version."""
    return f"declutter/{__version__} (+https://pypi.org/project/declutter/)"


def is_url(name: str) -> bool:
    """Whether `name` is an http(s) URL (and not a file name)."""
    return name[:8].lower().startswith(("http://", "https://"))


def charset_of(content_type: str) -> str | None:
    """The ``charset`` parameter of a ``Content-Type`` value, or None."""
    match = _CHARSET.search(content_type)
    return match.group(1) if match else None


def fetch(
    url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_OPTIONS.max_bytes,
    headers: Mapping[str, str] | None = None, max_redirects: int = _MAX_REDIRECTS,
) -> Fetched:  # fmt: skip
    """GET `url` (http or https) and return the page.

    Redirects are followed (at most `max_redirects`); compressed responses (gzip, deflate,
    and brotli or zstd when their packages are installed) are decompressed; at most
    `max_bytes` of content are kept. `timeout` bounds connecting, every read and the whole
    download. `headers` are sent too and may replace the User-Agent (`user_agent`).

    Raises `FetchError` when no HTML page comes back, ValueError for a URL that is not
    http(s) and TypeError for arguments of the wrong type.
    """
    _check(url, timeout, max_bytes)
    import urllib3  # here, not at the top: the command line starts faster without it
    from urllib3.exceptions import HTTPError, MaxRetryError

    sent = urllib3.HTTPHeaderDict({"User-Agent": user_agent(), "Accept": _ACCEPT})
    sent["Accept-Encoding"] = urllib3.util.make_headers(accept_encoding=True)["accept-encoding"]
    sent.update(headers or {})  # case-insensitive: the caller's "user-agent" replaces ours
    retries = urllib3.Retry(
        total=None, connect=0, read=0, status=0, other=0, redirect=max_redirects,
        raise_on_redirect=True, raise_on_status=False,
    )  # fmt: skip
    deadline = time.monotonic() + timeout
    with urllib3.PoolManager(timeout=urllib3.Timeout(connect=timeout, read=timeout)) as pool:
        try:
            response = pool.request(
                "GET", url, headers=sent, retries=retries, preload_content=False
            )
        except MaxRetryError as exc:
            raise FetchError(_reason(exc.reason)) from None
        except HTTPError as exc:
            raise FetchError(_reason(exc)) from None
        try:
            return _read(response, _final_url(url, response), max_bytes, deadline)
        finally:
            response.release_conn()


def extract_url(
    url: str, *, options: Options | None = None, reference_time: datetime | None = None,
    timeout: float = DEFAULT_TIMEOUT, headers: Mapping[str, str] | None = None,
) -> Article:  # fmt: skip
    """Fetch `url` and extract its article: `fetch` then `extract`, with the URL reached
    after redirects as the article's `url` and the header's charset as its `encoding`.
    At most ``options.max_bytes`` are downloaded. Raises `FetchError` as `fetch` does."""
    options = options or DEFAULT_OPTIONS
    page = fetch(url, timeout=timeout, max_bytes=options.max_bytes, headers=headers)
    return extract(
        page.content, url=page.url, encoding=page.encoding, options=options,
        reference_time=reference_time,
    )  # fmt: skip


def _check(url: object, timeout: object, max_bytes: object) -> None:
    if not isinstance(url, str):
        raise TypeError(f"url must be a str, not {type(url).__name__}")
    if urlsplit(url).scheme.lower() not in _SCHEMES:
        raise ValueError(f"not an http or https URL: {url!r}")
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0:
        raise ValueError(f"max_bytes must be an int >= 0, got {max_bytes!r}")


def _final_url(url: str, response: urllib3.BaseHTTPResponse) -> str:
    """The URL after redirects (urllib3 records each hop in the retry history)."""
    for hop in response.retries.history if response.retries else ():
        if hop.url and hop.redirect_location:
            url = urljoin(hop.url, hop.redirect_location)
    return url


def _read(response: urllib3.BaseHTTPResponse, url: str, max_bytes: int, deadline: float) -> Fetched:
    from urllib3.exceptions import HTTPError

    if response.status >= 400 or response.status < 200:
        raise FetchError(f"HTTP {response.status} {response.reason or ''}".rstrip())
    if response.status >= 300:  # a redirect without a usable Location
        raise FetchError(f"HTTP {response.status} without a place to go")
    content_type = response.headers.get("Content-Type", "")
    media = content_type.split(";")[0].strip().lower()
    if media and media not in HTML_TYPES:
        raise FetchError(f"not an HTML page: Content-Type {media}")
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= max_bytes:
            if time.monotonic() > deadline:
                raise FetchError("timed out while reading the page")
            chunk = response.read(min(_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except HTTPError as exc:
        raise FetchError(_reason(exc)) from None
    return Fetched(
        url=url, status=response.status, headers={k.lower(): v for k, v in response.headers.itermerged()},
        content=b"".join(chunks), encoding=charset_of(content_type), truncated=size > max_bytes,
    )  # fmt: skip


def _reason(exc: BaseException | None) -> str:
    """One line for a urllib3 failure (its messages repeat the pool's address)."""
    import urllib3

    if isinstance(exc, urllib3.exceptions.ResponseError):
        return "too many redirects"
    if isinstance(exc, urllib3.exceptions.NameResolutionError):
        return "host not found"
    if isinstance(exc, urllib3.exceptions.NewConnectionError):  # before TimeoutError: a subclass
        detail = str(exc).rsplit("] ", 1)[-1] if "] " in str(exc) else "cannot connect"
        return f"cannot connect: {detail}"
    if isinstance(exc, urllib3.exceptions.TimeoutError):
        return "timed out"
    if isinstance(exc, urllib3.exceptions.SSLError):
        return f"TLS error: {exc}"
    if isinstance(exc, urllib3.exceptions.DecodeError):
        return "the response's compression is broken"
    return f"{type(exc).__name__}: {exc}" if exc is not None else "no response"
