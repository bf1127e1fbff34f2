"""URLs as input: `declutter.fetch`, `declutter.extract_url` and ``declutter URL``, against a
real HTTP server on 127.0.0.1 serving real pages (never the internet)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import declutter
from http_helpers import Reply, serve
from outputs_helpers import cli, real_page

PEOPLE = real_page("people_20240517_xcz.html")  # GB2312-free UTF-8 Chinese page
SINA = real_page("sina_finance_20050321_lottery.gb2312.html")  # GB2312 bytes
FLOWFX = real_page("flowfx.de.tmux.html")
HTML_UTF8 = {"Content-Type": "text/html; charset=utf-8"}


def test_extract_url_follows_redirects_and_names_the_final_url() -> None:
    routes = {
        "/old": Reply(status=301, headers={"Location": "/news/2024/tmux.html"}),
        "/news/2024/tmux.html": Reply(FLOWFX, headers=HTML_UTF8),
    }
    with serve(routes) as site:
        article = declutter.extract_url(site.url("/old"))
        direct = declutter.extract(FLOWFX, url=site.url("/news/2024/tmux.html"))
    assert article.url == site.url("/news/2024/tmux.html")
    assert article.body == direct.body and article.title == direct.title
    assert article.body.startswith("For the first time in many years")


def test_the_header_charset_decodes_the_page() -> None:
    """A GB2312 page served with its charset in the header: the header is passed on."""
    routes = {"/a": Reply(SINA, headers={"Content-Type": "text/html; charset=gb2312"})}
    with serve(routes) as site:
        page = declutter.fetch(site.url("/a"))
        article = declutter.extract_url(site.url("/a"))
    assert page.encoding == "gb2312"
    assert article.encoding == declutter.extract(SINA, encoding="gb2312").encoding
    assert "彩票" in article.body or "彩" in (article.title or "")


def test_gzip_responses_are_decompressed_and_the_user_agent_names_declutter() -> None:
    with serve({"/z": Reply(PEOPLE, headers=HTML_UTF8, gzip=True)}) as site:
        page = declutter.fetch(site.url("/z"))
    assert page.content == PEOPLE
    assert page.headers["content-encoding"] == "gzip"
    sent = site.requests[0][1]
    assert sent["user-agent"].startswith("declutter/")
    assert "gzip" in sent["accept-encoding"]


def test_headers_may_replace_the_user_agent() -> None:
    with serve({"/": Reply(FLOWFX)}) as site:
        declutter.fetch(site.url("/"), headers={"user-agent": "my-crawler/1.0"})
    assert site.requests[0][1]["user-agent"] == "my-crawler/1.0"


def test_max_bytes_caps_the_download_and_marks_the_article_truncated() -> None:
    with serve({"/big": Reply(PEOPLE, headers=HTML_UTF8, gzip=True)}) as site:
        page = declutter.fetch(site.url("/big"), max_bytes=1000)
        article = declutter.extract_url(site.url("/big"), options=declutter.Options(max_bytes=1000))
    assert page.truncated and len(page.content) == 1001
    assert article.truncated


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (Reply(status=404, body=b"gone"), "HTTP 404"),
        (Reply(status=503, body=b"busy"), "HTTP 503"),
        (Reply(b"%PDF-1.4", headers={"Content-Type": "application/pdf"}), "not an HTML page"),
        (Reply(status=302, headers={"Location": "/p"}), "too many redirects"),
    ],
)
def test_failures_are_one_clear_fetch_error(reply: Reply, message: str) -> None:
    with serve({"/p": reply}) as site, pytest.raises(declutter.FetchError) as caught:
        declutter.fetch(site.url("/p"))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_slow_server_times_out() -> None:
    with (
        serve({"/slow": Reply(FLOWFX, delay=2.0)}) as site,
        pytest.raises(declutter.FetchError) as caught,
    ):
        declutter.fetch(site.url("/slow"), timeout=0.3)
    assert "timed out" in str(caught.value)


def test_a_closed_port_is_a_fetch_error() -> None:
    with serve({}) as site:
        closed = site.base
    with pytest.raises(declutter.FetchError, match="cannot connect"):
        declutter.fetch(closed + "/")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/a", "page.html"])
def test_only_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(ValueError, match="http"):
        declutter.fetch(url)


# --- the command line --------------------------------------------------------------------


def test_cli_reads_a_url(tmp_path: Path) -> None:
    with serve({"/tmux.html": Reply(FLOWFX, headers=HTML_UTF8)}) as site:
        result = cli("--format", "json", site.url("/tmux.html"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["url"] == site.url("/tmux.html")
    assert record["body"] == declutter.extract(FLOWFX).body


def test_cli_urls_from_a_list_with_jobs_in_order_with_failures_reported(tmp_path: Path) -> None:
    routes = {
        "/a.html": Reply(FLOWFX, headers=HTML_UTF8),
        "/b/": Reply(PEOPLE, headers=HTML_UTF8),
        "/c.pdf": Reply(b"%PDF", headers={"Content-Type": "application/pdf"}),
    }
    with serve(routes) as site:
        names = ["/a.html", "/missing", "/b/", "/c.pdf"]
        (tmp_path / "urls.txt").write_text("".join(site.url(n) + "\n" for n in names))
        result = cli("--format", "jsonl", "--jobs", "2", "--urls-from", "urls.txt", cwd=tmp_path)
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["input"] for r in records] == [site.url("/a.html"), site.url("/b/")]
    errors = result.stderr.decode().splitlines()
    assert f"declutter: {site.url('/missing')}: HTTP 404 Not Found" in errors
    assert (
        f"declutter: {site.url('/c.pdf')}: not an HTML page: Content-Type application/pdf" in errors
    )


def test_cli_writes_fetched_pages_under_their_host_and_path(tmp_path: Path) -> None:
    routes = {"/news/a.html": Reply(FLOWFX), "/news/?page=2": Reply(PEOPLE)}
    with serve(routes) as site:
        urls = [site.url("/news/a.html"), site.url("/news/?page=2")]
        result = cli("--output-dir", "out", *urls, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    host = site.base.removeprefix("http://").replace(":", "_")
    made = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.txt"))
    assert made == [f"{host}/news/a.txt", f"{host}/news/index_page_2.txt"]


def test_cli_urls_from_rejects_lines_that_are_not_urls(tmp_path: Path) -> None:
    (tmp_path / "urls.txt").write_text("page.html\n")
    result = cli("--urls-from", "urls.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert b"page.html: not an http or https URL" in result.stderr
