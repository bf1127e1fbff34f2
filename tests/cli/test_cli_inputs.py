"""Command-line inputs: files, gzip, directories and --glob, stdin, lists, WARC files."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from declutter import _cli
from outputs_helpers import WARC_URL_CHUNKED, WARC_URL_GB, cli, err, make_workspace, out, real_page


@pytest.fixture
def work(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "work")


def _records(result: object) -> list[dict[str, object]]:
    return [json.loads(line) for line in out(result).splitlines()]


def test_one_file_prints_text(work: Path) -> None:
    result = cli("page.html", cwd=work)
    assert result.returncode == 0, err(result)
    assert "title: Copy & paste from tmux to system clipboard" in out(result)
    assert "For the first time in many years" in out(result)
    assert err(result) == ""  # one page: no summary line


def test_directory_is_walked_recursively_in_sorted_order(work: Path) -> None:
    result = cli("--format", "jsonl", "pages", cwd=work)
    assert result.returncode == 0, err(result)
    assert [r["input"] for r in _records(result)] == [
        "pages/a.html",
        "pages/sub/b.htm",
        "pages/sub/c.html.gz",
    ]
    assert "3 pages, 0 failed" in err(result)


def test_glob_selects_files(work: Path) -> None:
    result = cli("--format", "jsonl", "--glob", "*.htm", "--glob", "sub/*.gz", "pages", cwd=work)
    assert [r["input"] for r in _records(result)] == ["pages/sub/b.htm", "pages/sub/c.html.gz"]


def test_directory_without_pages_fails(work: Path) -> None:
    result = cli("--glob", "*.nothing", "pages", "page.html", cwd=work)
    assert result.returncode == 1
    assert err(result).splitlines()[0] == "declutter: pages: no file matches *.nothing"
    assert "For the first time" in out(result)


def test_gzip_file_is_decompressed(work: Path) -> None:
    result = cli("--format", "jsonl", "pages/sub/c.html.gz", cwd=work)
    assert len(_records(result)[0]["body"]) > 500  # type: ignore[arg-type]


def test_stdin_with_url_and_encoding(work: Path) -> None:
    page = real_page("sina_finance_20050321_lottery.gb2312.html")
    result = cli(
        "--format",
        "jsonl",
        "--url",
        "https://example.org/x",
        "--encoding",
        "gbk",
        "-",
        cwd=work,
        stdin=page,
    )
    record = _records(result)[0]
    assert record["input"] == "-" and record["url"] == "https://example.org/x"
    assert "彩票" in record["body"]  # type: ignore[operator]


def test_files_from_list_and_null_separated_stdin(work: Path) -> None:
    result = cli("--format", "jsonl", "--files-from", "list.txt", cwd=work)
    assert [r["input"] for r in _records(result)] == ["pages/a.html", "pages/sub/b.htm"]
    names = b"page.html\0pages/sub/c.html.gz\0"
    result = cli("--format", "jsonl", "-T", "-", "--null", cwd=work, stdin=names)
    assert [r["input"] for r in _records(result)] == ["page.html", "pages/sub/c.html.gz"]


@pytest.mark.parametrize("separator", ["\x0c", "\x85", "\u2028", "\x1c", "\r"])
def test_files_from_splits_on_newline_only(work: Path, separator: str) -> None:
    """A file name may hold a form feed, U+0085 or U+2028: only a newline (or NUL with
    --null) ends it."""
    name = f"odd{separator}name.html"
    (work / name).write_bytes((work / "page.html").read_bytes())
    listed = f"{name}\npage.html\n".encode()
    for args, stdin in ((), listed), (("--null",), listed.replace(b"\n", b"\0")):
        result = cli("--format", "jsonl", "-T", "-", *args, cwd=work, stdin=stdin)
        assert result.returncode == 0, err(result)
        records = [json.loads(line) for line in out(result).split("\n") if line]  # jsonl lines
        assert [r["input"] for r in records] == [name, "page.html"]


def test_missing_input_fails_alone(work: Path) -> None:
    result = cli("--format", "jsonl", "missing.html", "page.html", "pages", cwd=work)
    assert result.returncode == 1
    assert "declutter: missing.html: No such file or directory" in err(result)
    assert _records(result)[0]["input"] == "page.html"
    assert len(_records(result)) == 4
    assert "5 pages, 1 failed" in err(result)


def test_warc_html_responses_with_url_and_http_charset(work: Path) -> None:
    result = cli("--format", "jsonl", "crawl.warc.gz", cwd=work)
    assert result.returncode == 0, err(result)
    records = _records(result)
    assert [r["url"] for r in records] == [WARC_URL_GB, WARC_URL_CHUNKED]  # image, 404, 301 skipped
    assert all(str(r["input"]).startswith("crawl.warc.gz@") for r in records)
    assert records[0]["encoding"] in ("gb2312", "gbk", "gb18030") and "彩票" in str(
        records[0]["body"]
    )
    assert "For the first time in many years" in str(records[1]["body"])  # de-chunked


def test_warc_charset_and_url_reach_extract(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []
    real = _cli.extract

    def spy(data: bytes, **kwargs: object) -> object:
        calls.append(kwargs)
        return real(data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_cli, "extract", spy)
    monkeypatch.chdir(work)
    assert (
        _cli.main(
            ["--format", "jsonl", "--quiet", "--url", "https://ignored.example/", "crawl.warc.gz"]
        )
        == 0
    )
    assert [(c["url"], c["encoding"]) for c in calls] == [
        (WARC_URL_GB, "GB2312"),
        (WARC_URL_CHUNKED, None),
    ]


def test_warc_without_warcio_fails_with_a_hint(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    monkeypatch.chdir(work)
    assert _cli.main(["crawl.warc.gz", "page.html"]) == 1
    assert "pip install 'declutter[warc]'" in capsys.readouterr().err


def test_corrupt_warc_fails(work: Path) -> None:
    (work / "bad.warc.gz").write_bytes(b"\x1f\x8b not a warc")
    result = cli("bad.warc.gz", cwd=work)
    assert result.returncode == 1
    assert "bad.warc.gz: not a readable WARC file" in err(result)


def test_input_larger_than_max_bytes_is_cut_and_marked(work: Path) -> None:
    result = cli("--format", "jsonl", "--max-bytes", "2000", "page.html", cwd=work)
    assert _records(result)[0]["truncated"] is True


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "no input"),
        (["--jobs", "-1", "page.html"], "must be 0 or more"),
        (["--max-link-ratio", "-1", "page.html"], "must not be negative"),
        (["--max-link-ratio", "abc", "page.html"], "not a valid float"),
        (["--no-such-flag", "page.html"], "unrecognized arguments"),
        (["--format", "yaml", "page.html"], "invalid choice"),
        (["--format", "html", "page.html", "pages"], "needs --output-dir"),
        (["--explain-html", "r.html", "pages"], "must be a directory"),
        (["-T", "-", "-"], "stdin cannot be both"),
        (["--json", "--format", "text", "page.html"], "--json is --format jsonl"),
        (["--encoding", "bogus-cs", "page.html"], "not a charset label"),
        (["--encoding", "cp037", "page.html"], "not a charset label"),  # EBCDIC: no web charset
    ],
)
def test_usage_errors_exit_2(work: Path, args: list[str], message: str) -> None:
    result = cli(*args, cwd=work)
    assert result.returncode == 2, err(result)
    assert message in err(result)
    assert out(result) == ""


def test_malformed_warc_record_fails_its_file_after_the_good_records(work: Path) -> None:
    """warcio raises AttributeError on a response record without WARC-Target-URI: the
    file fails there, as an unreadable input, and the records before it are extracted."""
    record = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ncut short"
    good = (work / "crawl.warc.gz").read_bytes()
    (work / "bad.warc.gz").write_bytes(good + gzip.compress(record))
    result = cli("--format", "jsonl", "bad.warc.gz", cwd=work)
    assert result.returncode == 1
    assert len(out(result).splitlines()) == 2
    assert "bad.warc.gz: not a readable WARC file: AttributeError" in err(result)
