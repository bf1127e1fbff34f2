"""URLs allowed into rendered output: http(s) and mailto, resolved against the page's URL.

Every URL a renderer writes (links, images, the canonical URL) passes `safe_url`, so no
``javascript:``, ``data:`` or ``vbscript:`` address, however it is spelled, reaches HTML
or markdown. The check follows what browsers do with an ``href``: ASCII tabs and newlines
anywhere are dropped and leading/trailing C0 controls and spaces are trimmed before the
scheme is read, so ``" jav&#9;ascript:"`` is read as ``javascript:`` and refused.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urljoin

__all__ = ["safe_url"]

ALLOWED_SCHEMES = frozenset(("http", "https", "mailto"))
_TRIM = "".join(chr(c) for c in range(0x21))  # C0 controls and space
_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# the lookbehind starts a try only where a run of scheme characters starts: linear on a long run
_SCHEME = re.compile(r"(?<![A-Za-z0-9+.\-])([A-Za-z][A-Za-z0-9+.\-]*):")
_MAX_URL_LENGTH = 4096
_KEEP_IN_URL = "!#$%&'()*+,/:;=?@[]~"


def safe_url(raw: str, base: str | None = None) -> str | None:
    """`raw` made absolute against `base` when it is relative, or None when its scheme is
    not http, https or mailto (or it is empty, or holds control characters)."""
    url = _TAB_NEWLINE.sub("", raw.strip(_TRIM))
    if not url or len(url) > _MAX_URL_LENGTH or _CONTROL.search(url):
        return None
    if url.startswith(("\\", "/\\")):
        return None  # browsers read "\\host" and "/\\host" as another host; urljoin does not
    if _SCHEME.match(url) is None and base:
        base_url = safe_url(base)
        if base_url is not None and not base_url.startswith("mailto:"):
            url = urljoin(base_url, url)
    scheme = _SCHEME.match(url)
    if scheme is not None and scheme.group(1).lower() not in ALLOWED_SCHEMES:
        return None
    return quote(url, safe=_KEEP_IN_URL)
