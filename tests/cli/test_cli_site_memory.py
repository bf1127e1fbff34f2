"""``declutter --site-memory``: two passes over the inputs (learn, then extract), on a directory
and on a WARC file of real same-site pages; stdin and URLs refused."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import pytest

import declutter
from declutter.bench import load_dataset
from outputs_helpers import cli, err, out

MOREBIKES_LINE = "Get Motor Cycle Monthly delivered through your letterbox every month."
AUTORACING_LINE = "ATENÇÃO: Comentários com textos ininteligíveis"
SITES = ("morebikes.co.uk", "autoracing.com.br")


@pytest.fixture(scope="module")
def pages() -> list[tuple[bytes, str]]:
    """Two pages of each of two sites (ScrapingHub set), with their URLs."""
    found = [
        (p.html, p.url)
        for p in load_dataset("scrapinghub").pages
        if p.url and any(f"{site}/" in p.url for site in SITES)
    ]
    assert len(found) == 4
    return found  # type: ignore[return-value]  # the pages with a URL


def _bodies(stdout: str) -> list[str]:
    return [json.loads(line)["body"] for line in stdout.splitlines()]


def test_a_directory_of_one_site(tmp_path: Path, pages: list[tuple[bytes, str]]) -> None:
    """Files without --url are one site: the line both pages share goes, and only it."""
    folder = tmp_path / "morebikes"
    folder.mkdir()
    site = [html for html, url in pages if "morebikes" in url]
    for n, html in enumerate(site):
        (folder / f"{n}.html").write_bytes(html)
    plain = [declutter.extract(html).body for html in site]  # what the command prints without
    result = cli("-f", "jsonl", "--site-memory", str(folder), cwd=tmp_path)
    assert result.returncode == 0, err(result)
    cleaned = _bodies(out(result))
    assert len(plain) == len(cleaned) == 2
    for before, after in zip(plain, cleaned):
        assert MOREBIKES_LINE in before and MOREBIKES_LINE not in after
        kept = [p for p in before.split("\n\n") if not p.startswith(MOREBIKES_LINE)]
        assert after.split("\n\n") == kept
    jobs = cli("-f", "jsonl", "--site-memory", "--jobs", "2", str(folder), cwd=tmp_path)
    assert out(jobs) == out(result)
    explained = out(cli("--explain", "--site-memory", str(folder), cwd=tmp_path))
    assert "site-boilerplate" in explained


def _warc(path: Path, pages: list[tuple[bytes, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for html, url in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=BytesIO(html), http_headers=http)
            )


def test_a_warc_file_of_two_sites_in_any_order(
    tmp_path: Path, pages: list[tuple[bytes, str]]
) -> None:
    """A WARC record's URL names its site; the order of the records changes nothing."""
    _warc(tmp_path / "a.warc.gz", pages)
    _warc(tmp_path / "b.warc.gz", pages[::-1])
    first = cli("-f", "jsonl", "--site-memory", "a.warc.gz", cwd=tmp_path)
    second = cli("-f", "jsonl", "--site-memory", "b.warc.gz", cwd=tmp_path)
    assert first.returncode == second.returncode == 0, err(first) + err(second)
    bodies = _bodies(out(first))
    assert bodies == _bodies(out(second))[::-1]
    assert not any(MOREBIKES_LINE in b or AUTORACING_LINE in b for b in bodies)
    plain = [declutter.extract(html, url=url).body for html, url in pages]
    assert (
        sum(MOREBIKES_LINE in b for b in plain) == 2
        and sum(AUTORACING_LINE in b for b in plain) == 2
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-"], "stdin"),
        (["https://example.com/a.html"], "URLs"),
    ],
)
def test_inputs_that_cannot_be_read_twice_are_refused(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = cli("--site-memory", *args, cwd=tmp_path, stdin=b"<p>a page</p>")
    assert result.returncode == 2
    assert message in err(result)
