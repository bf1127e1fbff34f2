"""Command-line outputs: formats on stdout, --output-dir (mirrored names, no overwrite
without --force, never a partial file), --explain-html, exit codes."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import html as lxml_html

from declutter import _cli, _cli_outputs
from declutter._render import _html
from outputs_helpers import (
    AS_FROM_A_TERMINAL,
    EXPLAIN,
    cli,
    commonmark,
    err,
    make_workspace,
    out,
    unsafe_parts,
)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "work")


def test_every_format_on_stdout(work: Path) -> None:
    text = out(cli("page.html", cwd=work))
    markdown = out(cli("-f", "markdown", "page.html", cwd=work))
    as_json = json.loads(out(cli("-f", "json", "page.html", cwd=work)))
    as_jsonl = json.loads(out(cli("-f", "jsonl", "page.html", cwd=work)))
    document = out(cli("-f", "html", "page.html", cwd=work))
    assert as_json == as_jsonl and as_json["input"] == "page.html"  # always named
    title = as_json["title"]
    assert f"title: {title}" in text
    assert f'title: "{title}"' in markdown and f"# {title}" in markdown
    assert lxml_html.document_fromstring(document).find(".//title").text == title
    assert (
        unsafe_parts(document, tags=_html.ALLOWED_TAGS, attributes=_html.ALLOWED_ATTRIBUTES) == []
    )
    assert commonmark().parse(markdown)


def test_json_alias_and_explain_blocks(work: Path) -> None:
    plain = json.loads(out(cli("--json", "page.html", cwd=work)))
    explained = json.loads(out(cli("--json", "--explain", "page.html", cwd=work)))
    assert "blocks" not in plain and len(explained["blocks"]) > 3
    assert {k: v for k, v in explained.items() if k != "blocks"} == plain


def test_explain_table_and_no_metadata(work: Path) -> None:
    table = out(cli("--explain", "page.html", cwd=work))
    assert table.startswith("document score") and "KEEP" in table and "drop" in table
    body = out(cli("--no-metadata", "page.html", cwd=work))
    assert body.startswith("For the first time")


def test_several_pages_get_headers_and_json_streams(work: Path) -> None:
    text = out(cli("page.html", "pages/a.html", cwd=work))
    assert text.startswith("==> page.html <==\n") and "\n\n==> pages/a.html <==\n" in text
    stream = out(cli("-f", "json", "page.html", "pages/a.html", cwd=work))
    decoder, at, objects = json.JSONDecoder(), 0, []
    while at < len(stream.rstrip()):
        obj, at = decoder.raw_decode(stream, at)
        objects.append(obj)
        at += 1
    assert [o["input"] for o in objects] == ["page.html", "pages/a.html"]


def test_output_dir_mirrors_input_names(work: Path) -> None:
    result = cli(
        "-o",
        "out",
        "-f",
        "markdown",
        "pages",
        "crawl.warc.gz",
        "page.html",
        "-",
        cwd=work,
        stdin=b"<p>From stdin, a paragraph, with words.</p>",
    )
    assert result.returncode == 0, err(result)
    made = sorted(
        str(p.relative_to(work / "out")) for p in (work / "out").rglob("*") if p.is_file()
    )
    offsets = sorted(p.name for p in (work / "out" / "crawl").iterdir())
    assert made == sorted(
        ["pages/a.md", "pages/sub/b.md", "pages/sub/c.md", "page.md", "stdin.md"]
        + [f"crawl/{o}" for o in offsets]
    )
    assert len(offsets) == 2 and all(o.endswith(".md") for o in offsets)
    assert out(result) == ""
    assert (work / "out" / "page.md").read_text(encoding="utf-8") == out(
        cli("-f", "markdown", "page.html", cwd=work)
    )


def test_nothing_is_overwritten_without_force(work: Path) -> None:
    target = work / "out" / "page.txt"
    target.parent.mkdir()
    target.write_text("mine")
    result = cli("-o", "out", "page.html", "pages/a.html", cwd=work)
    assert result.returncode == 1
    assert f"page.html: {Path('out/page.txt')}: exists (use --force to overwrite)" in err(result)
    assert target.read_text() == "mine"
    assert (work / "out" / "pages" / "a.txt").exists()  # the other input still written
    result = cli("-o", "out", "--force", "page.html", cwd=work)
    assert result.returncode == 0 and target.read_text().startswith("title:")


def test_two_inputs_writing_one_file(work: Path) -> None:
    result = cli("-o", "out", "page.html", "page.html", cwd=work)
    assert result.returncode == 1
    assert "an earlier input of this run writes there" in err(result)


def test_new_files_follow_the_umask(work: Path) -> None:
    cli("-o", "out", "page.html", cwd=work)
    mode = (work / "out" / "page.txt").stat().st_mode & 0o777
    assert mode == _cli_outputs.file_mode()


@pytest.mark.parametrize("step", ["open", "fdopen", "chmod", "link"])
def test_interrupted_write_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """Ctrl-C at each step of a write, the temporary file's creation included (its name is
    known before it exists): nothing is left in the directory."""
    target = tmp_path / "d" / "x.md"
    real = getattr(os, step)

    def interrupted(*args: object, **kwargs: object) -> object:
        if step == "open" and ".part" in str(args[0]):
            real(*args, **kwargs)  # the file is created, then the signal lands
        if step == "open" and ".part" not in str(args[0]):
            return real(*args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(os, step, interrupted)
    with pytest.raises(KeyboardInterrupt):
        _cli_outputs.atomic_write(target, "text " * 100_000, force=False)
    assert list(target.parent.iterdir()) == []


def test_atomic_write_refuses_a_name_taken_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.md"
    real_link = os.link

    def race(src: str, dst: str) -> None:
        Path(dst).write_text("theirs")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", race)
    with pytest.raises(_cli_outputs.OutputExists):
        _cli_outputs.atomic_write(target, "mine", force=False)
    assert target.read_text() == "theirs" and sorted(p.name for p in tmp_path.iterdir()) == ["x.md"]


def _written(out: Path) -> int:
    return sum(1 for _ in out.rglob("*.json")) if out.exists() else 0


def test_signals_at_random_moments_leave_only_whole_files(work: Path) -> None:
    """Ctrl-C or SIGTERM at random moments of runs writing files (a bounded number of runs):
    every file left is whole, none is a temporary ``.part`` one."""
    pages = work / "many"
    pages.mkdir()
    page = (work / "pages" / "sub" / "b.htm").read_bytes()
    for n in range(1500):
        (pages / f"p{n:03d}.html").write_bytes(page)
    rng = random.Random(7)
    codes = []
    for run in range(8):
        out = work / f"out{run}"
        process = subprocess.Popen(
            [sys.executable, "-c", AS_FROM_A_TERMINAL, "-o", out.name, "-f", "json", "many"],
            cwd=work, stderr=subprocess.PIPE,
        )  # fmt: skip
        # a random moment while writing: after a random number of files (not a random time,
        # which a loaded machine can outlast: the workers may finish before the writer starts)
        cut_after, deadline = rng.randrange(1, 400), time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None and _written(out) < cut_after:
            time.sleep(0.002)
        process.send_signal(rng.choice((signal.SIGINT, signal.SIGTERM)))
        _, stderr = process.communicate(timeout=60)
        assert b"Traceback" not in stderr, stderr.decode()
        codes.append(process.returncode)
        files = [p for p in out.rglob("*") if p.is_file()] + list(out.rglob(".*"))
        assert all(p.suffix == ".json" for p in files), [p.name for p in files]
        for path in files:
            json.loads(path.read_text(encoding="utf-8"))
    assert sum(code in (130, 143) for code in codes) >= 6, codes  # cut in the middle


def test_explain_html_file_and_directory(work: Path) -> None:
    result = cli("--explain-html", "report.html", "page.html", cwd=work)
    assert result.returncode == 0 and "For the first time" in out(result)
    report = (work / "report.html").read_text(encoding="utf-8")
    assert unsafe_parts(report, **EXPLAIN) == []
    assert "chosen container" in report, "the report draws the page's regions"
    result = cli("--explain-html", "reports/", "-q", "pages", cwd=work)
    assert result.returncode == 0, err(result)
    assert sorted(str(p.relative_to(work / "reports")) for p in (work / "reports").rglob("*.html")) == [
        "pages/a.explain.html", "pages/sub/b.explain.html", "pages/sub/c.explain.html",
    ]  # fmt: skip
    result = cli("--explain-html", "report.html", "page.html", cwd=work)
    assert result.returncode == 1 and "exists" in err(result)


def test_html_explain_is_the_report(work: Path) -> None:
    report = out(cli("-f", "html", "--explain", "page.html", cwd=work))
    assert "document score" in report and "border-left:6px" in report


def test_broken_pipe_is_quiet(work: Path) -> None:
    command = f'"{sys.executable}" -m declutter -f jsonl pages page.html pages | head -c 10'
    result = subprocess.run(
        ["bash", "-c", command], cwd=work, capture_output=True, timeout=60, check=False
    )
    assert b"Traceback" not in result.stderr and b"BrokenPipe" not in result.stderr


def test_help_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli.main(["--help"]) == 0
    help_text = capsys.readouterr().out
    for line in (
        "0    every input",
        "1    at least one input failed",
        "2    usage error",
        "130  interrupted",
    ):
        assert line in help_text
