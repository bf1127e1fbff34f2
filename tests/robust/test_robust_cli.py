"""The command, given good and bad inputs together, through ``python -m declutter``.

A bad input (missing, a directory, binary, empty, broken gzip, huge, an endless device, a
FIFO, a file name that is not UTF-8) never costs the output of the good ones: each failure
is one line on stderr, the exit status says that some failed, and no traceback is ever
printed.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from robust_hostile import PARAGRAPH, article

_GOOD = article(f"<p>{PARAGRAPH}</p><p>{PARAGRAPH.upper()}</p>").encode()


def _run(
    *args: str, stdin: bytes = b"", code: str | None = None
) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "declutter"]
    return subprocess.run(
        [*command, *args], input=stdin, capture_output=True, timeout=300, check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp_path = tmp_path_factory.mktemp("cli")
    good = tmp_path / "good.html"
    good.write_bytes(_GOOD)
    binary = tmp_path / "image.html"  # a page in name only
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "fake.html.gz").write_bytes(_GOOD)  # named .gz, not gzip
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(_GOOD)[:-20])  # a broken download
    huge = tmp_path / "huge.html"  # over Options.max_bytes (32 MB): read and cut, not an error
    with huge.open("wb") as stream:
        stream.write(b"<html><body><p>")
        stream.write(b"word, " * 5_600_000)
    empty = tmp_path / "empty"  # a directory with no page in it: a failed input
    empty.mkdir()
    return {
        "good": str(good), "binary": str(binary), "huge": str(huge), "directory": str(tmp_path),
        "empty": str(empty), "missing": str(tmp_path / "missing.html"),
        "empty_file": str(tmp_path / "empty.html"), "fake_gz": str(tmp_path / "fake.html.gz"),
        "cut_gz": str(tmp_path / "cut.html.gz"),
    }  # fmt: skip


_SUMMARY = re.compile(r"declutter: \d+ pages?, ")


def _assert_no_traceback(done: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in done.stderr and b"Traceback" not in done.stdout


def test_good_inputs_survive_bad_ones(inputs: dict[str, str]) -> None:
    order = [
        "good", "missing", "empty", "binary", "empty_file", "fake_gz", "cut_gz", "huge", "good"
    ]  # fmt: skip
    done = _run(*(inputs[name] for name in order))
    _assert_no_traceback(done)
    assert done.returncode == 1
    out = done.stdout.decode()
    assert out.splitlines().count(PARAGRAPH) == 2 and out.count("==> ") == 3  # the pages only
    lines = done.stderr.decode().splitlines()
    errors = [line for line in lines if not _SUMMARY.match(line)]  # the batch summary aside
    assert [e.split(": ")[1] for e in errors] == [  # an empty directory is found first
        inputs[name] for name in ("empty", "missing", "binary", "empty_file", "fake_gz", "cut_gz")
    ]
    assert errors[2:5] == [
        f"declutter: {inputs['binary']}: not HTML (PNG image data)",
        f"declutter: {inputs['empty_file']}: empty file",
        f"declutter: {inputs['fake_gz']}: not gzip data",
    ]
    assert errors[5].startswith(f"declutter: {inputs['cut_gz']}: broken gzip data (")


def test_json_lines_for_a_mixed_batch(inputs: dict[str, str]) -> None:
    done = _run("--json", inputs["good"], inputs["missing"], inputs["binary"], inputs["good"])
    _assert_no_traceback(done)
    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["input"] for r in records] == [inputs["good"], inputs["good"]]
    assert PARAGRAPH in records[0]["body"]
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 2


def test_only_good_inputs_exit_zero(inputs: dict[str, str]) -> None:
    done = _run(inputs["good"], "-", stdin=_GOOD)
    _assert_no_traceback(done)
    assert done.returncode == 0 and done.stderr == b""
    assert done.stdout.decode().splitlines().count(PARAGRAPH) == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty file"), (b"GIF89a" + bytes(range(256)), "not HTML (GIF image data)"),
     (bytes(range(256)) * 16, "not HTML (binary data)"), (b"\0" * 4096, "not HTML (binary data)"),
     (gzip.compress(_GOOD), None)],
    ids=["empty", "gif", "controls", "nul", "gzip"],
)  # fmt: skip
def test_stdin_that_is_no_page_fails(data: bytes, message: str | None) -> None:
    done = _run("-", stdin=data)
    _assert_no_traceback(done)
    if message is None:  # gzip on stdin is a page, decompressed
        assert done.returncode == 0 and PARAGRAPH in done.stdout.decode()
    else:
        assert (done.returncode, done.stderr.decode()) == (1, f"declutter: -: {message}\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_a_directory_is_never_opened(tmp_path: Path) -> None:
    """A FIFO nobody writes to would block the run forever; named, it is read as a stream."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.html").write_bytes(_GOOD)
    os.mkfifo(tmp_path / "site" / "b.html")
    done = _run("--json", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["input"] for line in done.stdout.splitlines()] == [
        str(tmp_path / "site" / "a.html")
    ]
    fifo = tmp_path / "site" / "b.html"
    writer = threading.Thread(target=fifo.write_bytes, args=(_GOOD,))
    writer.start()
    done = _run(str(fifo))
    writer.join()
    assert done.returncode == 0 and PARAGRAPH in done.stdout.decode()


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
def test_file_names_that_are_not_utf8_are_escaped_in_every_output(tmp_path: Path) -> None:
    """A Latin-1 name under a strict UTF-8 stdout: no traceback, every output valid UTF-8,
    the bytes written as \\xHH (docs/formats.md)."""
    site = tmp_path / "site"
    site.mkdir()
    raw = os.fsencode(site) + b"/caf\xe9.html"
    with open(raw, "wb") as stream:
        stream.write(_GOOD)
    with open(os.fsencode(site) + b"/vide\xe9.html", "wb"):
        pass  # an empty file: its error line names it too
    shown = f"{site}/caf\\xe9.html"
    for args in (["--json"], []):
        done = _run(*args, str(site), os.fsdecode(raw))
        _assert_no_traceback(done)
        out, errors = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")  # strict
        assert done.returncode == 1
        assert f"declutter: {site}/vide\\xe9.html: empty file" in errors
        if args:
            assert [json.loads(line)["input"] for line in out.splitlines()] == [shown, shown]
        else:
            assert out.count(f"==> {shown} <==") == 2 and out.count(PARAGRAPH) == 2
    done = _run("--output-dir", str(tmp_path / "out"), os.fsdecode(raw))
    assert done.returncode == 0
    written = os.fsencode(tmp_path / "out" / site.relative_to(site.anchor))
    assert os.listdir(written) == [b"caf\xe9.txt"]  # the output file keeps the input's bytes


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_input_is_read_only_up_to_the_limit(inputs: dict[str, str]) -> None:
    done = _run("--json", "/dev/zero", inputs["good"])
    _assert_no_traceback(done)
    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["input"] for r in records] == [inputs["good"]] and PARAGRAPH in records[0]["body"]
    # read up to --max-bytes (the run ends), and 32 MB of NUL bytes are no page
    assert done.stderr.decode() == "declutter: /dev/zero: not HTML (binary data)\n"
    assert done.returncode == 1


def test_an_internal_error_is_one_line_and_the_batch_goes_on(inputs: dict[str, str]) -> None:
    # A bug in extract (simulated for inputs that contain "BOOM") must not stop the batch.
    boom = Path(inputs["directory"]) / "boom.html"
    boom.write_bytes(b"<p>BOOM</p>")
    code = (
        "import sys, declutter._cli as cli\n"
        "real = cli.extract\n"
        "def extract(data, **kw):\n"
        "    if b'BOOM' in data: raise RuntimeError('simulated bug')\n"
        "    return real(data, **kw)\n"
        "cli.extract = extract\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    done = _run(inputs["good"], str(boom), inputs["good"], code=code)
    _assert_no_traceback(done)
    assert done.returncode == 1
    assert done.stdout.decode().splitlines().count(PARAGRAPH) == 2
    assert done.stderr.decode().splitlines() == [
        f"declutter: {boom}: internal error: RuntimeError: simulated bug"
    ]


def test_usage_errors_have_no_traceback() -> None:
    for args in ([], ["--no-such-option", "x"], ["--encoding"]):
        done = _run(*args)
        _assert_no_traceback(done)
        assert done.returncode == 2
