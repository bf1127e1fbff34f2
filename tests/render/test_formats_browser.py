"""The explain report and the clean HTML in a real browser: headless Chromium (Debian's
``chromium`` package) loads them from files (or from a server on 127.0.0.1 that counts
what the browser asks for), with no other network.

Skipped when no Chromium is installed, unless DECLUTTER_REQUIRE_BROWSER=1 (CI sets it,
so a missing browser fails there instead of passing silently).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

import declutter
from declutter import Reason
from declutter._render import explain_html
from http_helpers import Reply, serve
from outputs_helpers import all_kept, real_page, xss_page

BROWSER = next(
    (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p),
    None,
)
if BROWSER is None and os.environ.get("DECLUTTER_REQUIRE_BROWSER") != "1":
    pytest.skip("no Chromium installed (apt-get install chromium)", allow_module_level=True)

_TIMEOUT = 90


_NO_NETWORK = "MAP * ~NOTFOUND"
_LOOPBACK_ONLY = "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


def _chromium(
    tmp_path: Path, *args: str, resolver: str = _NO_NETWORK
) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None, "DECLUTTER_REQUIRE_BROWSER=1 but no Chromium found"
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    command = [
        BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--host-resolver-rules={resolver}", f"--user-data-dir={profile}", *args,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT, check=False)


def _dump_dom(tmp_path: Path, document: str) -> str:
    page = tmp_path / "page.html"
    page.write_text(document, encoding="utf-8")
    result = _chromium(tmp_path, "--virtual-time-budget=2000", "--dump-dom", page.as_uri())
    assert "<html" in result.stdout, result.stderr[-2000:]
    return result.stdout


def _screenshot(tmp_path: Path, document: str, name: str) -> Path:
    page = tmp_path / f"{name}.html"
    page.write_text(document, encoding="utf-8")
    png = tmp_path / f"{name}.png"
    result = _chromium(
        tmp_path,
        f"--screenshot={png}",
        "--window-size=1280,1600",
        "--hide-scrollbars",
        page.as_uri(),
    )
    assert png.exists(), result.stderr[-2000:]
    return png


def test_explain_report_renders_blocks_in_the_browser(tmp_path: Path) -> None:
    """As the browser built it: every block, the title, date and byline marked, the
    outlines and their legend."""
    options = declutter.Options(page_view=True)
    article = declutter.extract(real_page("people_20240517_xcz.html"), options=options)
    root = lxml_html.document_fromstring(_dump_dom(tmp_path, explain_html(article)))
    blocks = _by_class(root, "b")
    assert len(blocks) == len(article.blocks)
    at = {s.field: s.block for s in article.sources}
    assert set(at) == {"title", "date", "authors"} and min(at.values()) >= 0
    title = root.get_element_by_id(f"b{at['title']}")
    assert (
        title.tag == f"h{article.blocks[at['title']].heading_level}"
        and "t" in title.get("class").split()
    )
    assert article.title is not None and article.title in title.text_content().replace(" ", "")
    assert (
        article.blocks[at["title"]].reason is Reason.HEADLINE
    )  # dropped from the body, shown as the title
    markers = {m.text_content(): m.getparent().get("id") for m in _by_class(root, "mk")}
    assert markers == {"date": f"b{at['date']}", "byline": f"b{at['authors']}"}
    assert "2024" in root.get_element_by_id(f"b{at['date']}").text_content()
    assert _by_class(root, "k") and _by_class(root, "x") and len(_by_class(root, "best")) == 1
    legend = root.find_class("legend")[0].text_content()
    for name in ("kept", "dropped", "pruned", "title", "chosen container", "date / byline"):
        assert name in legend
    for block in article.blocks:
        assert block.reason.meaning in legend


def _by_class(root: lxml_html.HtmlElement, name: str) -> list[lxml_html.HtmlElement]:
    return root.xpath(f'//main//*[contains(concat(" ", @class, " "), " {name} ")]')  # type: ignore[no-any-return]


def test_explain_report_makes_no_request(tmp_path: Path) -> None:
    """A page whose images, styles, frames and scripts point at a server the browser can
    reach: the report of it, served by that server, asks it for nothing but the report."""
    refs = (
        '<img src="/img.png" srcset="/set.png 2x"><link rel="stylesheet" href="/style.css">'
        '<style>@import "/import.css"; p{background:url(/bg.png)}</style><iframe src="/frame"></iframe>'
        '<script src="/script.js"></script><video poster="/poster.png"></video><object data="/object"></object>'
        '<p style="background:url(/inline.png)">An image <img src="/second.png" alt="second"> inside a'
        ' paragraph of prose, long enough to be kept, with commas, and a <a href="/linked">link</a>.</p>'
    )
    page = real_page("flowfx.de.tmux.html").decode().replace("</article>", refs + "</article>")
    control = b'<!DOCTYPE html><p>control</p><img src="/control.png">'
    served = {"/report.html": b"", "/control.html": control}
    with serve(lambda path: Reply(served[path]) if path in served else None) as site:
        options = declutter.Options(include_links=True, include_images=True)
        article = declutter.extract(page, url=site.url("/blog/post"), options=options)
        assert any(b.images for b in article.blocks), "the page's images reach the report"
        served["/report.html"] = explain_html(article).encode()
        _load(tmp_path, site.url("/control.html"))
        assert [p for p, _ in site.requests][:2] == ["/control.html", "/control.png"], (
            "the detector works"
        )
        site.requests.clear()
        _load(tmp_path, site.url("/report.html"))
        assert [p for p, _ in site.requests] == ["/report.html"]


def _load(tmp_path: Path, url: str) -> None:
    result = _chromium(
        tmp_path, "--virtual-time-budget=2000", "--dump-dom", url, resolver=_LOOPBACK_ONLY
    )
    assert "<html" in result.stdout, result.stderr[-2000:]


def test_no_vector_runs_in_the_browser(tmp_path: Path) -> None:
    article = all_kept(xss_page(), url=None, include_captions=True)  # relative URLs: nothing remote
    for document in (article.to_html(), explain_html(article)):
        dom = _dump_dom(tmp_path, document)
        assert not re.search(r"<html[^>]*data-pwned", dom), "a script ran"
        assert "<script" not in dom.lower()
        assert "click javascript" in dom


def test_screenshot_shows_kept_and_dropped_highlights(tmp_path: Path) -> None:
    """The report of a real page, as a person sees it: green (kept) and red (dropped)
    outlines, the title's purple and the chosen container's blue."""
    article = declutter.extract(
        real_page("flowfx.de.tmux.html"), options=declutter.Options(page_view=True)
    )
    png = _screenshot(tmp_path, explain_html(article), "explain")
    width, height, pixels = _read_png(png.read_bytes())
    assert (width, height) == (1280, 1600)
    colours = Counter(pixels)
    kept_border, dropped_border = (0x1E, 0x8E, 0x3E), (0xD9, 0x30, 0x25)
    assert colours[kept_border] > 500, "no green (kept) highlight visible"
    assert colours[dropped_border] > 500, "no red (dropped) highlight visible"
    title, chosen = (0x8E, 0x24, 0xAA), (0x1A, 0x73, 0xE8)
    assert colours[title] > 500, "no purple (title) outline visible"
    assert colours[chosen] > 500, "no blue (chosen container) outline visible"
    keep = os.environ.get("DECLUTTER_SCREENSHOT_DIR")
    if keep:  # to look at it: DECLUTTER_SCREENSHOT_DIR=/tmp/shots pytest -k screenshot
        shutil.copy(png, Path(keep) / "explain.png")


def _read_png(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Width, height and RGB pixels of an 8-bit RGB/RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, chunks, header = 8, [], b""
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        body = data[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        at += 12 + length
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour_type in (2, 6) and interlace == 0
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    pixels: list[tuple[int, int, int]] = []
    for row in range(height):
        start = row * (stride + 1)
        line = _unfilter(
            raw[start], bytearray(raw[start + 1 : start + 1 + stride]), previous, channels
        )
        pixels.extend(tuple(line[i : i + 3]) for i in range(0, stride, channels))  # type: ignore[misc]
        previous = line
    return width, height, pixels


def _unfilter(kind: int, line: bytearray, previous: bytearray, bpp: int) -> bytearray:
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = previous[i]
        corner = previous[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
            line[i] = (line[i] + predictor) & 0xFF
    return line
