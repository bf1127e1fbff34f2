"""Generators of hostile pages, shared by the robustness tests and `benchmarks/robustness.py`.

`FAMILIES` maps a name to a function of `scale` (1, 4, 16...; 0.1 for a small page) that
returns page bytes; the base sizes are chosen so that scale 16 reaches the sizes the
robustness issue names (a 50 MB page, a 10 MB text node, 1,000,000 elements, nesting
100,000 deep). `EDGE_CASES` are small fixed inputs (empty, binary formats, encodings) that
have no meaningful size.
"""

from __future__ import annotations

import gzip
import random
import time
import zlib
from collections.abc import Callable
from pathlib import Path

from _pages import read_page

__all__ = ["EDGE_CASES", "FAMILIES", "PARAGRAPH", "article", "cost_ratio", "real_pages"]

_REAL = [
    "scrapinghub/html/0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2.html.gz",
    "scrapinghub/html/359fee228518d55b921194561e9ca88e428df81940246f8fac7a75398377daea.html.gz",
    "scrapinghub/html/4648a420af9984d45b76a4afedf4f74965f8a2e0bf1c69bd3da2dc189020f3c9.html.gz",
    "scrapinghub/html/85439e26c41c75901820d01a13e8cea7836abb58635ea3986f71a163ab0311d3.html.gz",
    "trafilatura-dev/html/flowfx.de.tmux.html.gz",
    "trafilatura-dev/html/hundeverein-kreisunna.de.html.gz",
    "trafilatura-dev/html/it-for-kids.org.variables.html.gz",
    "trafilatura-dev/html/mdavis.xyz.supermarket.html.gz",
]
"""Real pages for the robustness tests, from the benchmark fixtures: Korean and Japanese,
windows-1252, code blocks, long and short."""


def real_pages() -> list[tuple[str, bytes]]:
    """(file name, bytes) of the real pages the robustness tests mutate and share out."""
    return [(Path(name).name, read_page(f"fixtures/bench/{name}")) for name in _REAL]


_RESOLUTION = 1e-3
"""Seconds under which a run is too short to time: a run of 4n this short counts as linear."""


def cost_ratio(run: Callable[[int], object], n: int, repeats: int = 3) -> float:
    """How much more `run(4 * n)` costs than `run(n)`: about 4 when the cost is linear, 16
    when quadratic (best of `repeats` runs each, in CPU time: a busy machine bends it little)."""

    def best(size: int) -> float:
        times = []
        for _ in range(repeats):
            start = time.process_time()
            run(size)
            times.append(time.process_time() - start)
        return min(times)

    small, big = best(n), best(4 * n)
    return big / max(small, _RESOLUTION / 4)


PARAGRAPH = (
    "The council met on Tuesday to discuss the new budget, which had been delayed for "
    "months. Several members said the plan, while imperfect, was the best they could do; "
    "others wanted more time to read it."
)
_ARABIC = "قال المجلس يوم الثلاثاء إن الميزانية الجديدة، التي تأخرت لأشهر، ستقدم قريبا."
_HEBREW = "המועצה התכנסה ביום שלישי כדי לדון בתקציב החדש, שהתעכב במשך חודשים."
_CHINESE = "市议会周二开会讨论新的预算，该预算已经推迟了几个月。多名议员表示，这个计划虽然不完美，但已是最好的。"


def article(body: str, title: str = "Council budget", head: str = "", lang: str = "en") -> str:
    """A minimal page around `body`."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f"{head}</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def _n(base: int, scale: float) -> int:
    """`base` items at `scale` (fractional scales make small pages for the tests)."""
    return max(1, int(base * scale))


def _paragraphs(n: int, text: str = PARAGRAPH) -> str:
    return "".join(f"<p>{text} ({i})</p>" for i in range(n))


# --- families with a size ------------------------------------------------------------------


def gigantic_page(scale: float) -> bytes:
    """A normal-looking article of ~3.3 MB per scale unit (16: ~53 MB)."""
    return article(_paragraphs(_n(15_000, scale))).encode()


def huge_text_node(scale: float) -> bytes:
    """One text node of 640 KB per scale unit (16: ~10 MB), no markup inside."""
    words = (PARAGRAPH + " ") * (_n(640_000, scale) // (len(PARAGRAPH) + 1))
    return article(f"<p>{words}</p>").encode()


def huge_word(scale: float) -> bytes:
    """One 'word' of 640 KB per scale unit: no spaces, no punctuation."""
    return article(f"<p>{'a' * _n(640_000, scale)}</p>").encode()


def many_tiny_elements(scale: float) -> bytes:
    """62,500 tiny elements per scale unit (16: 1,000,000), flat under one parent."""
    return article("<div>" + "<span>x</span>" * (_n(62_500, scale)) + "</div>").encode()


def many_tiny_blocks(scale: float) -> bytes:
    """62,500 one-word paragraphs per scale unit: a block per element."""
    return article("".join(f"<p>w{i}</p>" for i in range(_n(62_500, scale)))).encode()


def deep_divs(scale: float) -> bytes:
    """<div> nested 6,250 deep per scale unit (16: 100,000), text at the bottom."""
    n = _n(6_250, scale)
    return article("<div>" * n + f"<p>{PARAGRAPH}</p>" + "</div>" * n).encode()


def deep_divs_text_everywhere(scale: float) -> bytes:
    """<div> nested 6,250 deep per scale unit with a sentence at every level, never closed."""
    return article(f"<div>{PARAGRAPH} " * (_n(6_250, scale))).encode()


def deep_inline(scale: float) -> bytes:
    """Inline elements nested 6,250 deep per scale unit (the parser's formatting list)."""
    n = _n(6_250, scale)
    return article("<p>" + "<b><i>" * (n // 2) + PARAGRAPH + "</i></b>" * (n // 2)).encode()


def deep_spans_unclosed(scale: float) -> bytes:
    """<span> opened 6,250 times per scale unit and never closed, with text."""
    return article(f"<span>{PARAGRAPH[:20]} " * (_n(6_250, scale))).encode()


def deep_nav(scale: float) -> bytes:
    """A pruned element (<nav>) holding a tree 6,250 deep per scale unit."""
    n = _n(6_250, scale)
    return article(_paragraphs(5) + "<nav>" + "<div>menu " * n + "</div>" * n + "</nav>").encode()


def deep_tables(scale: float) -> bytes:
    """Tables nested in table cells, 1,000 deep per scale unit."""
    n = _n(1_000, scale)
    return article("<table><tr><td>cell " * n + "</td></tr></table>" * n).encode()


def many_iframes_svgs(scale: float) -> bytes:
    """5,000 <iframe>s and 5,000 <svg>s (with paths) per scale unit, around an article."""
    junk = '<iframe src="https://ads.example/x"></iframe><svg viewBox="0 0 9 9"><path d="M0 0L9 9"/></svg>'
    return article(_paragraphs(5) + junk * (_n(5_000, scale))).encode()


def huge_attribute(scale: float) -> bytes:
    """An attribute value of 1 MB per scale unit, and a class of 100,000 words per scale."""
    value = "x" * (_n(1_000_000, scale))
    classes = " ".join(f"c{i}" for i in range(_n(100_000, scale)))
    return article(f'<p data-x="{value}" class="{classes}">{PARAGRAPH}</p>').encode()


def many_attributes(scale: float) -> bytes:
    """An element with 50,000 attributes per scale unit."""
    attrs = " ".join(f'a{i}="{i}"' for i in range(_n(50_000, scale)))
    return article(f"<div {attrs}><p>{PARAGRAPH}</p></div>").encode()


def unclosed_comment(scale: float) -> bytes:
    """A comment opened at the start of the body and never closed, then 640 KB per scale."""
    return article("<!-- " + _paragraphs(_n(3_000, scale))).encode()


def unclosed_tag(scale: float) -> bytes:
    """A start tag never ended (``<p class="...``), swallowing 640 KB per scale unit."""
    return article('<p class="open ' + _paragraphs(_n(3_000, scale))).encode()


def unclosed_script(scale: float) -> bytes:
    """A <script> never closed, with markup-looking text of 640 KB per scale unit."""
    return article("<script>var a = '" + _paragraphs(_n(3_000, scale))).encode()


def giant_table(scale: float) -> bytes:
    """A page that is one table: 10,000 rows of 5 cells per scale unit."""
    rows = "".join(
        f"<tr><td>{i}</td><td>{PARAGRAPH[:40]}</td><td>x</td><td>y</td><td>z</td></tr>"
        for i in range(_n(10_000, scale))
    )
    return f"<html><body><table>{rows}</table></body></html>".encode()


def br_runs(scale: float) -> bytes:
    """Text only in <br>-separated runs, 20,000 lines per scale unit."""
    lines = "<br>".join(f"{PARAGRAPH[:60]} {i}" for i in range(_n(20_000, scale)))
    return f"<html><body><font>{lines}</font></body></html>".encode()


def many_brs(scale: float) -> bytes:
    """100,000 <br> per scale unit with whitespace between them (a <br> wall)."""
    return article("<p>start" + "<br> \n" * (_n(100_000, scale)) + "end</p>").encode()


def pre_text(scale: float) -> bytes:
    """One <pre> of 20,000 lines per scale unit."""
    lines = "\n".join(f"line {i}: {PARAGRAPH[:50]}" for i in range(_n(20_000, scale)))
    return article(f"<pre>{lines}</pre>").encode()


def rtl_text(scale: float) -> bytes:
    """Arabic and Hebrew paragraphs, 2,000 of each per scale unit."""
    body = _paragraphs(_n(2_000, scale), _ARABIC) + _paragraphs(_n(2_000, scale), _HEBREW)
    return article(body, title="الميزانية", lang="ar").replace("<html", '<html dir="rtl"').encode()


def random_bytes(scale: float) -> bytes:
    """1 MB of random bytes per scale unit (seeded)."""
    return random.Random(scale).randbytes(_n(1_000_000, scale))


def random_tags(scale: float) -> bytes:
    """Random tag soup: 100,000 random opening/closing tags and text per scale unit."""
    rng = random.Random(scale)
    tags = ["div", "p", "span", "a", "b", "table", "tr", "td", "li", "ul", "h1", "pre", "br",
            "article", "nav", "script", "svg", "iframe", "noscript", "template", "select", "option"]  # fmt: skip
    parts = []
    for _ in range(_n(100_000, scale)):
        r = rng.random()
        tag = rng.choice(tags)
        parts.append(f"<{tag}>" if r < 0.45 else f"</{tag}>" if r < 0.8 else "word, ")
    return ("<html><body>" + "".join(parts)).encode()


def gbk_labelled_utf8(scale: float) -> bytes:
    """Chinese text in GBK bytes under a ``<meta charset=utf-8>`` (a lying label)."""
    return article(_paragraphs(_n(500, scale), _CHINESE), title="预算").encode("gbk")


def utf8_labelled_gbk(scale: float) -> bytes:
    """Chinese text in UTF-8 bytes under a ``<meta charset=gbk>``."""
    page = article(_paragraphs(_n(500, scale), _CHINESE), title="预算")
    return page.replace('charset="utf-8"', 'charset="gbk"').encode()


def mixed_encodings(scale: float) -> bytes:
    """UTF-8, GBK and Latin-1 paragraphs in one page."""
    parts = [b'<html><head><meta charset="utf-8"></head><body>']
    for _ in range(_n(200, scale)):
        parts.append(f"<p>{_CHINESE}</p>".encode())
        parts.append(f"<p>{_CHINESE}</p>".encode("gbk"))
        parts.append("<p>Café crème, naïve façade.</p>".encode("latin-1"))
    return b"".join(parts)


def undeclared_legacy(scale: float) -> bytes:
    """Big GBK page without any declaration: charset detection on the whole input."""
    body = "".join(f"<p>{_CHINESE}{i}</p>" for i in range(_n(20_000, scale)))
    return f"<html><body>{body}</body></html>".encode("gbk")


def nul_bytes(scale: float) -> bytes:
    """An article with NUL bytes sprinkled through it."""
    return article(_paragraphs(_n(500, scale)).replace("e", "e\x00")).encode()


def utf16_no_bom(scale: float) -> bytes:
    """An article in UTF-16-LE without a byte-order mark."""
    return article(_paragraphs(_n(500, scale))).encode("utf-16-le")


def many_entities(scale: float) -> bytes:
    """100,000 character references per scale unit."""
    return article(
        "<p>" + "&amp;&#x4e2d;&eacute;&#0;&#xFFFFFFF; " * (_n(20_000, scale)) + "</p>"
    ).encode()


def noscript_only(scale: float) -> bytes:
    """The text lives only in <noscript>, 500 paragraphs per scale unit."""
    return f"<html><body><noscript>{_paragraphs(_n(500, scale))}</noscript></body></html>".encode()


def frameset(scale: float) -> bytes:
    """A <frameset> page, 1,000 frames per scale unit, and a <noframes> text."""
    frames = '<frame src="a.html">' * (_n(1_000, scale))
    return (
        "<html><head><title>Frames</title></head><frameset cols='50%,50%'>"
        f"{frames}<noframes><p>{PARAGRAPH}</p></noframes></frameset></html>"
    ).encode()


def xml_entities(scale: float) -> bytes:
    """XHTML with a billion-laughs internal entity and an external (file:) entity."""
    levels = "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(10)
    )
    doctype = f'<!DOCTYPE html [{levels}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    body = f"<p>&l9; &xxe; {PARAGRAPH}</p>" * (_n(200, scale))
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{doctype}<html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>XML</title></head><body>{body}</body></html>"
    ).encode()


def deep_article(scale: float) -> bytes:
    """An <article> whose paragraphs, 5,000 per scale unit, sit 400 <div>s deep."""
    return article("<div>" * 400 + _paragraphs(_n(5_000, scale)) + "</div>" * 400).encode()


def deep_article_levels(scale: float) -> bytes:
    """An <article> 400 <div>s deep with a paragraph at every level, and 2,500 paragraphs
    per scale unit at the bottom (the region grows level by level up to the article)."""
    levels = f"<div><p>{PARAGRAPH}</p>" * 400
    return article(levels + _paragraphs(_n(2_500, scale)) + "</div>" * 400).encode()


def huge_title(scale: float) -> bytes:
    """A <title> of 640 KB per scale unit and 10,000 short headline-like blocks per scale."""
    title = "Budget news " * (_n(53_000, scale))
    return article(
        "".join(f"<h2>Budget news {i}</h2>" for i in range(_n(10_000, scale))), title=title
    ).encode()


def pruned_scripts(scale: float) -> bytes:
    """A <nav> (pruned) holding 10,000 <script>s per scale unit between its links."""
    items = "".join(
        f"<a href='/{i}'>link {i}</a><script>var s{i} = 'link {i}';</script>"
        for i in range(_n(10_000, scale))
    )
    return article(_paragraphs(5) + f"<nav>{items}</nav>").encode()


def many_italics(scale: float) -> bytes:
    """62,500 ``<i>a</i>`` per scale unit in one paragraph (16: 1,000,000, an 8 MB page):
    one block whose text is one endless word."""
    return article("<p>" + "<i>a</i>" * _n(62_500, scale) + "</p>").encode()


def many_marks(scale: float) -> bytes:
    """20,000 tiny formatting elements per scale unit in one paragraph, of every kind, each
    against punctuation or backticks (where Markdown needs inline HTML or long fences)."""
    marks = (
        "a<b>!</b>",
        "<i>(x)</i>b",
        "<code>``</code>",
        "<sub>*</sub>",
        "<sup>_</sup>",
        "<tt>`</tt>",
    )
    return article(
        "<p>" + "".join(marks[i % len(marks)] for i in range(_n(20_000, scale))) + "</p>"
    ).encode()


def long_last_word(scale: float) -> bytes:
    """Five paragraphs, then a last one that is one 'word' of 2,500 characters per scale
    unit (16: 40,000), a digit dump: the closing-line patterns run on it."""
    return article(_paragraphs(5) + "<p>" + ("1234567890" * _n(250, scale)) + "</p>").encode()


def many_meta_pairs(scale: float) -> bytes:
    """18,750 ``<meta name=author>`` / ``article:tag`` pairs per scale unit (16: 300,000)."""
    metas = "".join(
        f'<meta name="author" content="Jane Doe {i}"><meta property="article:tag" content="tag {i}">'
        for i in range(_n(18_750, scale))
    )
    return article(_paragraphs(5), head=metas).encode()


def colspan_table(scale: float) -> bytes:
    """A data table of 100 rows per scale unit whose cells each span 1,000 columns."""
    rows = "".join(
        "<tr>"
        + "".join(f'<td colspan="1000">row {i} holds value {j} of many</td>' for j in range(3))
        + "</tr>"
        for i in range(_n(100, scale))
    )
    return article(_paragraphs(2) + f"<table>{rows}</table>").encode()


def huge_class_name(scale: float) -> bytes:
    """A wrapper whose class is one name of 100,000 characters per scale unit, holding 50
    paragraphs per scale unit (the class repeats on every block in the block reports)."""
    return article(
        f'<div class="{"k" * _n(100_000, scale)}">{_paragraphs(_n(50, scale))}</div>'
    ).encode()


def many_attributes_each(scale: float) -> bytes:
    """10,000 paragraphs per scale unit with 120 short attributes each (under
    ``max_attributes``): Lexbor's attribute storage, not the text, fills the memory."""
    attrs = " ".join(f'a{i}="{i}"' for i in range(120))
    return article(
        "".join(f"<p {attrs}>{PARAGRAPH[:30]} {j}</p>" for j in range(_n(10_000, scale)))
    ).encode()


def control_characters(scale: float) -> bytes:
    """ESC, BEL, CSI and the other C0/C1 controls in the title, a meta field and every
    paragraph, 500 paragraphs per scale unit."""
    bad = "\x1b]0;owned\x07\x1b[2J\x9b31m\x00\x0b\x0c\x7f\x85"
    page = article(
        _paragraphs(_n(500, scale), PARAGRAPH.replace("budget", f"bud{bad}get")),
        title=f"Council{bad} budget",
        head='<meta name="author" content="Jane\x07\x1b\x9b Doe">',
    )
    return page.encode()


FAMILIES: dict[str, Callable[[float], bytes]] = {
    f.__name__: f
    for f in (
        gigantic_page, huge_text_node, huge_word, many_tiny_elements, many_tiny_blocks,
        deep_divs, deep_divs_text_everywhere, deep_inline, deep_spans_unclosed, deep_nav,
        deep_tables, many_iframes_svgs, huge_attribute, many_attributes, unclosed_comment,
        unclosed_tag, unclosed_script, giant_table, br_runs, many_brs, pre_text, rtl_text,
        random_bytes, random_tags, gbk_labelled_utf8, utf8_labelled_gbk, mixed_encodings,
        undeclared_legacy, nul_bytes, utf16_no_bom, many_entities, noscript_only, frameset,
        xml_entities, deep_article, deep_article_levels, huge_title, pruned_scripts,
        many_italics, many_marks, long_last_word, many_meta_pairs, colspan_table, huge_class_name,
        many_attributes_each, control_characters,
    )
}  # fmt: skip


# --- fixed edge cases ----------------------------------------------------------------------

_PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81"
    b"\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)
_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>"
    b"endobj\nstream\n" + zlib.compress(b"<p>not html</p>" * 50) + b"\nendstream\n%%EOF\n"
)
_PAGE = article(_paragraphs(3))

EDGE_CASES: dict[str, bytes | str] = {
    "empty_bytes": b"",
    "empty_str": "",
    "whitespace": b" \t\r\n\x0c ",
    "whitespace_str": "\n\n   \u3000\u00a0",
    "lone_text": b"just some words, nothing else.",
    "lone_text_str": PARAGRAPH,
    "fragment": f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>".encode(),
    "fragment_div": f"<div class='x'><span>{PARAGRAPH}</span></div>",
    "only_head": b"<html><head><title>Only a title</title></head></html>",
    "only_doctype": b"<!DOCTYPE html>",
    "only_comment": b"<!-- nothing -->",
    "png": _PNG,
    "pdf": _PDF,
    "gzip": gzip.compress(_PAGE.encode(), mtime=0),
    "zip_like": b"PK\x03\x04" + bytes(range(256)) * 4,
    "nul_only": b"\x00" * 1000,
    "nul_str": "\x00" * 100 + _PAGE + "\x00",
    "invalid_utf8": _PAGE.encode().replace(b"council", b"c\xffo\xc3\x28u\xe2\x82ncil"),
    "lone_surrogate_str": _PAGE.replace("council", "coun\ud800cil"),
    "utf16_le_bom": b"\xff\xfe" + _PAGE.encode("utf-16-le"),
    "utf16_be_bom": b"\xfe\xff" + _PAGE.encode("utf-16-be"),
    "utf16_le_nobom": _PAGE.encode("utf-16-le"),
    "utf16_be_nobom": _PAGE.encode("utf-16-be"),
    "utf32_bom": b"\xff\xfe\x00\x00" + _PAGE.encode("utf-32-le"),
    "utf16_odd_length": b"\xff\xfe" + _PAGE.encode("utf-16-le") + b"\x41",
    "bom_only": b"\xef\xbb\xbf",
    "meta_utf16_ascii": _PAGE.replace('charset="utf-8"', 'charset="utf-16"').encode(),
    "meta_unknown_charset": _PAGE.replace('charset="utf-8"', 'charset="x-klingon"').encode(),
    "meta_charset_garbage": _PAGE.replace('charset="utf-8"', 'charset="\xff\xfe"').encode(
        "latin-1"
    ),
    "gbk_labelled_utf8": gbk_labelled_utf8(1),
    "utf8_labelled_gbk": utf8_labelled_gbk(1),
    "mixed_encodings": mixed_encodings(1),
    "noscript_only": noscript_only(1),
    "frameset": frameset(1),
    "xml_entities": xml_entities(1),
    "xml_processing": b'<?xml version="1.0"?><?xml-stylesheet href="x.xsl"?><rss><channel>'
    b"<item><title>t</title><description>&lt;p&gt;Hello, world.&lt;/p&gt;</description>"
    b"</item></channel></rss>",
    "unclosed_everything": b"<html><head><title>T<body><div><p>text, text.<!-- <script>a",
    "lt_soup": b"<<<<>>>></</<!<?<!--<![CDATA[" * 100,
    "template": f"<html><body><template><p>{PARAGRAPH}</p></template></body></html>".encode(),
    "plaintext_tag": f"<html><body><plaintext><p>{PARAGRAPH}</p></body></html>".encode(),
    "svg_foreign": f"<html><body><svg><foreignObject><p>{PARAGRAPH}</p></foreignObject></svg>"
    "<math><mi>x</mi></math></body></html>".encode(),
    "select_option": f"<html><body><select><option>{PARAGRAPH}</option></select></body></html>",
    "br_only": f"<html><body>{'<br>'.join([PARAGRAPH] * 8)}</body></html>",
    "pre_only": f"<html><body><pre>{PARAGRAPH}\n\n{PARAGRAPH}</pre></body></html>",
    "arabic": rtl_text(1)[:20_000].decode("utf-8", "ignore"),
    "hebrew_windows_1255": article(_paragraphs(5, _HEBREW))
    .replace('charset="utf-8"', 'charset="windows-1255"')
    .encode("cp1255"),
    "arabic_windows_1256_undeclared": (
        "<html><body>" + _paragraphs(5, _ARABIC) + "</body></html>"
    ).encode("cp1256"),
    "control_chars": "".join(chr(c) for c in range(32)) * 30 + _PAGE,
    "private_use_and_nonchars": _PAGE.replace("council", "\ue000\uffff\U0010ffff\ufffe"),
}
