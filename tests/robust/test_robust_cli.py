"""The command, given good and bad inputs together, through ``python -m declutter``.

A bad input (missing, a directory, binary, huge, an endless device) never costs the output
of the good ones: each failure is one line on stderr, the exit status says that some
failed, and no traceback is ever printed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
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
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    huge = tmp_path / "huge.html"  # over Options.max_bytes (32 MB): read and cut, not an error
    with huge.open("wb") as stream:
        stream.write(b"<html><body><p>")
        stream.write(b"word, " * 5_600_000)
    empty = tmp_path / "empty"  # a directory with no page in it: a failed input
    empty.mkdir()
    return {
        "good": str(good), "binary": str(binary), "huge": str(huge), "directory": str(tmp_path),
        "empty": str(empty), "missing": str(tmp_path / "missing.html"),
    }  # fmt: skip


_SUMMARY = re.compile(r"declutter: \d+ pages?, ")


def _assert_no_traceback(done: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in done.stderr and b"Traceback" not in done.stdout


def test_good_inputs_survive_bad_ones(inputs: dict[str, str]) -> None:
    order = ["good", "missing", "empty", "binary", "huge", "good"]
    done = _run(*(inputs[name] for name in order))
    _assert_no_traceback(done)
    assert done.returncode == 1
    out = done.stdout.decode()
    assert out.splitlines().count(PARAGRAPH) == 2 and out.count("==> ") == 4  # both good ones, all read ones
    lines = done.stderr.decode().splitlines()
    errors = sorted(line for line in lines if not _SUMMARY.match(line))  # the batch summary aside
    assert len(errors) == 2
    assert errors[0].startswith(f"declutter: {inputs['empty']}: ")
    assert errors[1].startswith(f"declutter: {inputs['missing']}: ")


def test_json_lines_for_a_mixed_batch(inputs: dict[str, str]) -> None:
    done = _run("--json", inputs["good"], inputs["missing"], inputs["binary"], inputs["good"])
    _assert_no_traceback(done)
    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["input"] for r in records] == [inputs["good"], inputs["binary"], inputs["good"]]
    assert records[1]["body"] == "" and PARAGRAPH in records[0]["body"]
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1


def test_only_good_inputs_exit_zero(inputs: dict[str, str]) -> None:
    done = _run(inputs["good"], inputs["binary"], "-", stdin=_GOOD)
    _assert_no_traceback(done)
    assert done.returncode == 0 and done.stderr == b""
    assert done.stdout.decode().splitlines().count(PARAGRAPH) == 2


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_input_is_read_only_up_to_the_limit(inputs: dict[str, str]) -> None:
    done = _run("--json", "/dev/zero", inputs["good"])
    _assert_no_traceback(done)
    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert records[0]["truncated"] and PARAGRAPH in records[1]["body"]
    assert done.returncode == 0


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
