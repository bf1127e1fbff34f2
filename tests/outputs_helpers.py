"""Helpers shared by the output-format and CLI tests (test_formats_*, test_cli_*)."""

from __future__ import annotations

import os
import re
import select
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

from lxml import html as lxml_html
from markdown_it import MarkdownIt

import declutter
from _pages import REPO, read_page
from declutter._render import _html
from declutter._render._page_view import STYLESHEET

REAL_PAGES = {
    "flowfx.de.tmux.html": "fixtures/bench/trafilatura-dev/html/flowfx.de.tmux.html.gz",
    "scrapinghub-14cc2a0c.html": "fixtures/bench/scrapinghub/html/"
    "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f.html.gz",
    "sina_finance_20050321_lottery.gb2312.html": "fixtures/pages/zh-sina_finance_20050321_lottery/page.html",
    "people_20240517_xcz.html": "fixtures/pages/zh-people_20240517_xcz/page.html",
    "amz123-xiaohongshu.html": "fixtures/pages/amz123-xiaohongshu/page.html",
}
"""Real pages of the output-format and CLI tests, by name, from the project's fixtures
(their licenses are there): ASCII and CJK, GB2312 bytes, a data table, code blocks."""


def real_page(name: str) -> bytes:
    """The bytes of one of `REAL_PAGES`, gzip undone."""
    return read_page(REAL_PAGES[name])


URL_ATTRIBUTES = (
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "xlink:href",
    "srcset",
    "cite",
)
SAFE_SCHEMES = ("http:", "https:", "mailto:")
EXPLAIN_TAGS = (_html.ALLOWED_TAGS - {"img", "link"}) | {
    "main",
    "div",
    "span",
    "details",
    "summary",
    "style",
}
EXPLAIN_ATTRIBUTES = (_html.ALLOWED_ATTRIBUTES - {"src", "rel"}) | {"class", "id", "open"}
"""The explain report's tags and attributes: nothing that loads (no image, no link
element), only its own fixed stylesheet (see `unsafe_parts`' `stylesheet`)."""
EXPLAIN: dict[str, Any] = {
    "tags": EXPLAIN_TAGS,
    "attributes": EXPLAIN_ATTRIBUTES,
    "stylesheet": STYLESHEET,
}
"""`unsafe_parts` arguments for the explain report."""


def remote_references(document: str) -> list[str]:
    """Every URL attribute of `document` that is not a link within it (``#...``): the
    explain report has none, so a browser showing it fetches nothing."""
    root = lxml_html.document_fromstring(document)
    return [
        f"{name}={value!r}"
        for element in root.iter()
        if isinstance(element.tag, str)
        for name, value in element.attrib.items()
        if name.lower() in URL_ATTRIBUTES and not value.startswith("#")
    ]


def all_kept(
    page: str, *, url: str | None = "https://example.org/news/1", **options: Any
) -> declutter.Article:
    """`page` extracted with links and images recorded, every block but pruned ones kept:
    renderer tests then depend on the walk's structure, not on the heuristics' choices."""
    opts = declutter.Options(include_links=True, include_images=True, **options)
    article = declutter.extract(page, url=url, options=opts)
    blocks = tuple(b._replace(kept=b.kind != "pruned", reason="content") for b in article.blocks)
    return replace(article, blocks=blocks)


def commonmark() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def strip_front_matter(markdown: str) -> str:
    if markdown.startswith("---\n"):
        end = markdown.index("\n---\n", 4)
        return markdown[end + 5 :]
    return markdown


def md_outline(markdown: str) -> list[str]:
    """Block structure of `markdown` as CommonMark reads it: one entry per open/close/leaf,
    e.g. ``["bullet_list", "list_item", "paragraph:text", "/list_item", "/bullet_list"]``."""
    out: list[str] = []
    for token in commonmark().parse(markdown):
        name = token.type.removesuffix("_open")
        if token.type.endswith("_close"):
            if name.removesuffix("_close") not in ("paragraph", "heading", "th", "td"):
                out.append("/" + name.removesuffix("_close"))
        elif token.type == "inline":
            out[-1] += ":" + inline_text(token)
        elif token.type in ("fence", "code_block"):
            out.append(f"{token.type}:{token.content}")
        elif token.type == "ordered_list_open":
            out.append(f"ordered_list:{token.attrGet('start') or 1}")
        elif token.type == "heading_open":
            out.append(token.tag)
        else:
            out.append(name)
    return out


def inline_text(token: Any) -> str:
    """Text of an inline token; links as [text](url), breaks as newlines."""
    parts = []
    for child in token.children or []:
        if child.type == "text":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "link_open":
            parts.append("[")
        elif child.type == "link_close":
            parts.append("]")
        elif child.type == "image":
            alt = "".join(c.content for c in child.children or [])
            parts.append(f"![{alt}]({child.attrGet('src')})")
        elif child.type in ("em_open", "em_close"):
            parts.append("_")
        else:
            parts.append(f"<{child.type}>")
    return "".join(parts)


def unsafe_parts(
    document: str,
    *,
    tags: frozenset[str],
    attributes: frozenset[str],
    stylesheet: str | None = None,
) -> list[str]:
    """What in `document` (HTML) is outside the allow-lists or carries a script: an empty
    list for a safe document. A ``<style>`` element is allowed only when its text is
    `stylesheet` (the renderer's constant: no page content in it)."""
    problems = []
    if stylesheet is not None:
        own = f"<style>{stylesheet}</style>"
        if document.count(own) != 1:
            problems.append("the report's stylesheet is missing or repeated")
        document = document.replace(own, "", 1)
    root = lxml_html.document_fromstring(document) if document.strip() else None
    if root is None:
        return problems
    for element in root.iter():
        if not isinstance(element.tag, str):
            if element.tag is not lxml_html.HtmlComment:
                problems.append(f"node {element.tag!r}")
            continue
        tag = element.tag.lower()
        if tag not in tags:
            problems.append(f"tag <{tag}>")
        for name, value in element.attrib.items():
            lowered = name.lower()
            if lowered.startswith("on") or lowered not in attributes:
                problems.append(f"attribute {name}= on <{tag}>")
            if lowered in URL_ATTRIBUTES and not _safe_url_value(value):
                problems.append(f"URL {value!r} in {name}= on <{tag}>")
            if lowered == "style" and re.search(
                r"url\(|expression|javascript|@import", value, re.IGNORECASE
            ):
                problems.append(f"style {value!r}")
            if lowered == "http-equiv" and value.lower() not in ("content-security-policy",):
                problems.append(f"http-equiv {value!r}")
    if re.search(r"<\s*(script|style|iframe|object|embed)\b", document, re.IGNORECASE):
        problems.append("raw script/style/iframe/object/embed markup")
    return problems


def _safe_url_value(value: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
    scheme = re.match(r"[a-z][a-z0-9+.\-]*:", cleaned)
    return scheme is None or scheme.group(0) in SAFE_SCHEMES


# Known XSS vectors (OWASP filter-evasion cheat sheet and HTML5 Security Cheatsheet
# classics). Each is put inside an article paragraph, as a link, an image and raw markup.
# The payloads set data-pwned on <html>, so a real browser shows whether one ran.
PWN = "document.documentElement.setAttribute('data-pwned',1)"
XSS_VECTORS = [
    f"<script>{PWN}</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    f'<img src=x onerror="{PWN}">',
    f'<img src="javascript:{PWN}">',
    f'<img src="jav\tascript:{PWN}">',
    f'<img src="jav&#x09;ascript:{PWN}">',
    f'<img src="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;{PWN}">',
    f'<img src=" &#14;  javascript:{PWN}">',
    f'<img dynsrc="javascript:{PWN}" lowsrc="javascript:{PWN}">',
    f'<svg onload="{PWN}"><circle r=1></circle></svg>',
    f"<svg><script>{PWN}</script></svg>",
    f'<math><mtext><table><mglyph><style><img src=x onerror="{PWN}"></style></mglyph></table></mtext></math>',
    f'<a href="javascript:{PWN}">click javascript</a>',
    f'<a href="JaVaScRiPt:{PWN}">click mixed case</a>',
    f'<a href=" \x01javascript:{PWN}">click control</a>',
    f'<a href="java\nscript:{PWN}">click newline</a>',
    f'<a href="javascript&colon;{PWN}">click colon entity</a>',
    f'<a href="&#x6A;avascript:{PWN}">click hex entity</a>',
    '<a href="vbscript:msgbox(1)">click vbscript</a>',
    f'<a href="livescript:{PWN}">click livescript</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click data</a>',
    f'<a href="https://example.org/ok" onclick="{PWN}" onmouseover="{PWN}">click handler</a>',
    f'<a href="/x" style="background:url(javascript:{PWN})">click style</a>',
    f'<iframe src="javascript:{PWN}"></iframe>',
    f'<iframe srcdoc="<script>{PWN}</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    f"<style>@import 'javascript:{PWN}';</style>",
    f'<div style="width:expression({PWN})">styled text, with words</div>',
    f'<body onload="{PWN}">',
    f'<input autofocus onfocus="{PWN}">',
    f'<details open ontoggle="{PWN}">details text, with words</details>',
    f'<video><source onerror="{PWN}"></video>',
    f'<form action="javascript:{PWN}"><button formaction="javascript:{PWN}">x</button></form>',
    f'<meta http-equiv="refresh" content="0;url=javascript:{PWN}">',
    f'<base href="javascript:{PWN}//">',
    f'<noscript><p title="</noscript><img src=x onerror={PWN}>">mutation</p></noscript>',
    f'<img src="https://example.org/a.png" alt="&quot; onerror=&quot;{PWN}" title="\'><script>{PWN}</script>">',
    f"&lt;script&gt;{PWN}&lt;/script&gt; written as text",
    f"<!--<script>{PWN}</script>--> comment",
    f"<![CDATA[<script>{PWN}</script>]]> cdata",
    f"<textarea></textarea><script>{PWN}</script>",
    f'<a href="javascript://%0a{PWN}">click comment trick</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="data image">',
    '<a href="\\\\evil.example/x">click backslash</a>',
    f'<table background="javascript:{PWN}"><tr><td>cell, one</td><td>cell, two</td></tr><tr><td>a, b</td><td>c, d</td></tr></table>',
]


def xss_page() -> str:
    """An article whose paragraphs, links, images and table carry every vector."""
    paragraphs = "\n".join(
        f"<p>Paragraph {n} of the article, with enough words and commas, to be kept: {v} "
        f"and the sentence goes on, as prose does.</p>"
        for n, v in enumerate(XSS_VECTORS)
    )
    title = f"Title <script>{PWN}</script> &lt;b onmouseover={PWN}&gt;"
    return (
        f"<html lang='en\" onload=\"{PWN}'><head><title>{title}</title>"
        f'<meta name=author content="<script>{PWN}</script>">'
        f'<link rel=canonical href="javascript:{PWN}"></head>'
        f"<body><article><h1>{title}</h1>{paragraphs}"
        f"<ul><li>item <a href='javascript:{PWN}'>bad link</a>, with words</li></ul>"
        f"<pre><code>&lt;script&gt;{PWN}&lt;/script&gt; ``` code</code></pre>"
        f"<blockquote><p>quoted <img src=x onerror='{PWN}'> text, with words.</p></blockquote>"
        f"</article></body></html>"
    )


# --- command-line fixtures -------------------------------------------------------------

WARC_URL_GB = "http://finance.sina.com.cn/lottery/2005-03-21/x.shtml"
WARC_URL_CHUNKED = "https://flowfx.de/blog/copy-paste-from-tmux-to-system-clipboard/"


def make_warc(path: Path) -> None:
    """A small gzipped WARC as a crawler writes it: warcinfo, request, HTML responses (one
    with an HTTP charset only, one chunked), and records to skip: an image, a 404, a
    redirect, a revisit."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    gb_page = real_page("sina_finance_20050321_lottery.gb2312.html")
    gb_page = re.sub(rb"(?i)<meta[^>]*charset[^>]*>", b"", gb_page)  # only HTTP states it
    flowfx = real_page("flowfx.de.tmux.html")
    chunked = (
        b"".join(
            b"%x\r\n%s\r\n" % (len(flowfx[i : i + 1000]), flowfx[i : i + 1000])
            for i in range(0, len(flowfx), 1000)
        )
        + b"0\r\n\r\n"
    )
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))

        def response(
            url: str,
            status: str,
            headers: list[tuple[str, str]],
            body: bytes,
            kind: str = "response",
        ) -> None:
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(url, kind, payload=BytesIO(body), http_headers=http)
            writer.write_record(record)

        request = StatusAndHeaders(
            "GET / HTTP/1.1", [("Host", "finance.sina.com.cn")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(
                WARC_URL_GB, "request", payload=BytesIO(b""), http_headers=request
            )
        )
        response(WARC_URL_GB, "200 OK", [("Content-Type", "text/html; charset=GB2312")], gb_page)
        response(
            "https://example.org/logo.png",
            "200 OK",
            [("Content-Type", "image/png")],
            b"\x89PNG....",
        )
        response(
            "https://example.org/missing",
            "404 Not Found",
            [("Content-Type", "text/html")],
            b"<p>not found</p>",
        )
        response(
            "https://example.org/moved",
            "301 Moved",
            [("Location", "/x"), ("Content-Type", "text/html")],
            b"",
        )
        response(
            WARC_URL_CHUNKED, "200 OK",
            [("Content-Type", "application/xhtml+xml"), ("Transfer-Encoding", "chunked")], chunked,
        )  # fmt: skip


def make_workspace(root: Path) -> Path:
    """The folder docs/cli.md's examples run in: page.html, pages/, crawl.warc.gz, list.txt."""
    flowfx = real_page("flowfx.de.tmux.html")
    root.mkdir(parents=True, exist_ok=True)
    (root / "page.html").write_bytes(flowfx)
    (root / "pages" / "sub").mkdir(parents=True)
    (root / "pages" / "a.html").write_bytes(flowfx)
    (root / "pages" / "notes.txt").write_text("not a page")
    (root / "pages" / "sub" / "b.htm").write_bytes(real_page("people_20240517_xcz.html"))
    (root / "pages" / "sub" / "c.html.gz").write_bytes(
        (REPO / REAL_PAGES["scrapinghub-14cc2a0c.html"]).read_bytes()  # still gzipped
    )
    make_warc(root / "crawl.warc.gz")
    (root / "list.txt").write_text("pages/a.html\npages/sub/b.htm\n")
    return root


def cli(
    *args: str, cwd: Path, stdin: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m declutter ARGS`` in `cwd` (stdout and stderr as bytes: see `out`)."""
    import sys

    command = [sys.executable, "-m", "declutter", *args]
    data = stdin if stdin is not None else b""
    return subprocess.run(
        command, cwd=cwd, input=data, capture_output=True, timeout=timeout, check=False
    )


def out(result: Any) -> str:
    return result.stdout.decode("utf-8")


def err(result: Any) -> str:
    return result.stderr.decode("utf-8")


def crash_on_seven(n: int) -> int:
    """For the batch tests (a worker process must import it): dies on 7, fails on 3."""
    import os

    if n == 7:
        os._exit(1)
    if n == 3:
        raise ValueError("three")
    return n * n


def snippet_pages() -> list[tuple[str, bytes]]:
    """(name, HTML bytes) of every one of `REAL_PAGES`."""
    return [(name, real_page(name)) for name in sorted(REAL_PAGES)]


# A child inherits ignored and blocked signals; the suite's process may hold some (libraries
# the other tests load do that), so a run that is sent signals starts as a terminal would
# start it: `python -c AS_FROM_A_TERMINAL ARGS...` is ``declutter ARGS...``.
AS_FROM_A_TERMINAL = (
    "import runpy, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); "
    "signal.signal(signal.SIGINT, signal.default_int_handler); "
    "signal.signal(signal.SIGTERM, signal.SIG_DFL); "
    "sys.argv[0] = 'declutter'; runpy.run_module('declutter', run_name='__main__')"
)


def read_terminal(fd: int, *, until: str | None = None, timeout: float = 30) -> str:
    """What a child wrote to the pseudo-terminal `fd`: up to `until` once it has appeared
    (`fd` stays open), else all of it until the child closes the terminal (`fd` is closed);
    `timeout` seconds without output end the reading too."""
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
        if until is not None and until.encode() in b"".join(chunks):
            return b"".join(chunks).decode("utf-8", "replace")
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")
