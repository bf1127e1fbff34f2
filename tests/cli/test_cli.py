"""The ``declutter`` command: `declutter._cli.main` and ``python -m declutter``."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import declutter
from _pages import SNIPPETS
from declutter._cli import main
from declutter._metadata._language import identifier_available

BRIDGE = str(SNIPPETS / "bridge_article.html")
COPIES = str(SNIPPETS / "desktop_mobile.html")
NIKE = str(SNIPPETS / "163_nike_gb2312.html")
BRIDGE_FIRST = "The old bridge over the river reopened on Monday"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def body_of(path: str) -> str:
    return declutter.extract(Path(path).read_bytes()).body


# --- text output ------------------------------------------------------------------------


# what the bridge page states: its headline, its "By Jane Doe" byline, its <time> and its
# site name (the text format carries every metadata field the page has)
HEADER = (
    "title: Bridge reopens after two years of repairs\n"
    "author: Jane Doe\n"
    "date: 2024-05-12T09:30\n"
    "site_name: Springfield Gazette" + ("\nlanguage: en" if identifier_available() else "")
    # the page declares no language: identified from its text with the language extra
)


def test_text_output_is_header_and_body(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, BRIDGE)
    assert (code, err) == (0, "")
    assert out == f"{HEADER}\n\n{body_of(BRIDGE)}\n"


def test_page_without_metadata_prints_the_body_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "plain.html"
    # too short a text for its language to be identified (Options.language_min_text)
    page.write_text("<article><p>Just one paragraph, with a comma.</p></article>")
    code, out, _ = run(capsys, str(page))
    assert (code, out) == (0, "Just one paragraph, with a comma.\n")


def test_several_files_get_a_header_each(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, BRIDGE, COPIES)
    assert code == 0
    assert out.startswith(f"==> {BRIDGE} <==\n")
    assert f"\n==> {COPIES} <==\n" in out
    assert out.count(BRIDGE_FIRST) == 2  # once per page: the copy in the second is removed


def test_non_ascii_page(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, NIKE)
    assert code == 0
    assert body_of(NIKE) in out
    assert "拥有一双售价千元左右的耐克气垫鞋" in out


# --- JSON output ------------------------------------------------------------------------


def test_json_is_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--json", BRIDGE)
    lines = out.splitlines()
    assert (code, len(lines)) == (0, 1)
    record = json.loads(lines[0])
    assert record.pop("input") == BRIDGE and "blocks" not in record  # input: always there
    assert record == declutter.extract(Path(BRIDGE).read_bytes()).to_dict()


def test_json_lines_name_their_input_when_several(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--json", BRIDGE, NIKE, COPIES)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["input"] for r in records] == [BRIDGE, NIKE, COPIES]
    assert [r["body"] for r in records] == [body_of(BRIDGE), body_of(NIKE), body_of(COPIES)]
    assert "耐克" in out  # non-ASCII written as is


def test_json_with_explain_includes_blocks(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--json", "--explain", BRIDGE)
    record = json.loads(out)
    blocks = declutter.extract(Path(BRIDGE).read_bytes()).blocks
    assert record["blocks"] == [b.to_dict() for b in blocks]


def test_url_option_is_passed(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--json", "--url", "https://example.com/bridge", BRIDGE)
    assert json.loads(out)["url"] == "https://example.com/bridge"


def test_encoding_option_is_passed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = "Привет, мир! Это тестовая страница на русском языке, с запятыми."
    page = tmp_path / "ru.html"
    page.write_bytes(
        f'<meta charset="windows-1252"><article><p>{text}</p></article>'.encode("koi8-r")
    )
    _, out, _ = run(capsys, "--json", "--encoding", "koi8-r", str(page))
    assert json.loads(out)["body"] == text


# --- explain ----------------------------------------------------------------------------


def test_explain_prints_one_line_per_block(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--explain", BRIDGE)
    article = declutter.extract(Path(BRIDGE).read_bytes())
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == f"document score {article.score:.3f}"
    strongest = max(article.score_parts, key=lambda p: p.value * p.weight)
    first = f"{strongest.value:.2f}x{strongest.weight:.2f}"
    assert lines[1].split(",")[0].split() == ["doubts:", strongest.name, first]
    assert lines[2].split()[:2] == ["block", "reason"]
    legend = lines.index("reasons:")  # after the blocks, the meaning of each reason shown
    assert legend == 4 + len(article.blocks) and lines[legend - 1] == ""
    for line, b in zip(lines[3:], article.blocks):
        label = f"{b.reason}:{b.pruned_by}" if b.pruned_by else b.reason
        assert line.split()[:3] == [str(b.index), "KEEP" if b.kept else "drop", label]
    assert {line.split()[0] for line in lines[legend + 1 :]} >= {
        str(b.reason) for b in article.blocks
    }


# --- stdin ------------------------------------------------------------------------------


def test_dash_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = Path(NIKE).read_bytes()  # bytes, not text: the page's own charset decides
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "-")
    assert code == 0
    assert body_of(NIKE) in out


# --- errors -----------------------------------------------------------------------------


def test_missing_file_is_one_line_on_stderr_and_the_rest_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = str(tmp_path / "missing.html")
    code, out, err = run(capsys, BRIDGE, missing, COPIES)
    assert code == 1
    assert err == f"declutter: {missing}: No such file or directory\n"
    assert out.count(BRIDGE_FIRST) == 2
    assert missing not in out


def test_directory_without_pages_is_a_failed_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--json", str(tmp_path), BRIDGE)  # directories are searched
    assert code == 1
    assert err.startswith(f"declutter: {tmp_path}: no file matches *.html")
    assert len(out.splitlines()) == 1


@pytest.mark.parametrize("argv", [[], ["--no-such-option", BRIDGE], ["--url"]])
def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("usage: declutter")


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "exit status:" in out
    for status in ("0 ", "1 ", "2 "):
        assert f"\n  {status}" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"declutter {declutter.__version__}\n")


# --- python -m declutter ----------------------------------------------------------------


def cli(
    *args: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "declutter", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        check=False,
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    return result


def test_subprocess_text_output() -> None:
    result = cli(BRIDGE)
    assert result.returncode == 0
    assert result.stdout.decode() == f"{HEADER}\n\n{body_of(BRIDGE)}\n"


def test_subprocess_stdin_and_missing_file() -> None:
    result = cli("--json", "-", "no/such/file.html", stdin=Path(NIKE).read_bytes())
    assert result.returncode == 1
    [record] = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert (record["input"], record["body"]) == ("-", body_of(NIKE))
    assert result.stderr.decode().splitlines() == [
        "declutter: no/such/file.html: No such file or directory"
    ]


def test_subprocess_usage_error() -> None:
    result = cli()
    assert result.returncode == 2
    assert result.stdout == b""


def test_subprocess_reader_leaving_early_is_no_error() -> None:
    """``declutter a.html b.html ... | head -c 100``: the pipe closes, nothing to report."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "declutter", *[BRIDGE] * 300],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert b"Traceback" not in err


def test_subprocess_narrow_stdout_encoding_is_no_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "declutter", NIKE],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
        check=False,
    )
    assert b"Traceback" not in result.stderr
    assert result.returncode == 0
