"""``declutter --scheduler``: the command line on a Dask cluster writes what a serial run
writes (jsonl), or Parquet files whose rows are the same articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.dataframe", reason="needs pip install 'declutter[dask]'")
pytest.importorskip("distributed", reason="needs pip install 'declutter[dask]'")

import dask
import pandas as pd

from dask_helpers import broken_record
from declutter import _cli
from outputs_helpers import make_workspace

INPUTS = ("pages", "page.html", "crawl.warc.gz", "bad.warc.gz", "missing.html")
"""Files, a directory, WARC files (one with a broken record) and a missing file."""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_workspace(tmp_path / "work")
    (root / "bad.warc.gz").write_bytes((root / "crawl.warc.gz").read_bytes() + broken_record())
    monkeypatch.chdir(root)
    return root


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, list[str]]:
    """(exit status, stdout, stderr lines but the closing summary) of an in-process run."""
    status = _cli.main(list(argv))
    captured = capsys.readouterr()
    errors = [line for line in captured.err.splitlines() if " pages, " not in line]
    return status, captured.out, errors


def test_jsonl_on_the_cluster_is_the_serial_output(
    dask_client: Any, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    address = dask_client.scheduler.address
    serial = _run(capsys, "--format", "jsonl", *INPUTS)
    on_cluster = _run(capsys, "--scheduler", address, "--partitions", "2", *INPUTS)
    assert on_cluster == serial
    status, output, errors = serial
    assert status == 1 and len(output.splitlines()) == 3 + 1 + 2 + 2
    assert [e.split(": ")[1] for e in errors] == ["bad.warc.gz", "missing.html"]


def test_parquet_parts_hold_the_serial_articles(
    dask_client: Any, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    address = dask_client.scheduler.address
    _, serial, _ = _run(capsys, "--format", "jsonl", *INPUTS)
    argv = ["--scheduler", address, "--format", "parquet", "-o", "out", *INPUTS]
    status, output, errors = _run(capsys, *argv)
    assert status == 1 and output == "" and len(errors) == 2
    parts = sorted(p.name for p in (work / "out").iterdir())
    assert parts == [f"part.{i:05d}.parquet" for i in range(len(parts))]
    frame = pd.read_parquet(work / "out")  # plain pandas reads it, no options needed
    articles = frame[frame["error"].isna()]
    records = [json.loads(line) for line in serial.splitlines()]
    assert articles["input"].tolist() == [r["input"] for r in records]
    assert articles["body"].tolist() == [r["body"] for r in records]
    assert [list(a) for a in articles["authors"]] == [r["authors"] for r in records]
    assert frame[frame["error"].notna()]["input"].tolist() == ["bad.warc.gz", "missing.html"]


def test_jsonl_parts_concatenate_to_the_serial_output(
    dask_client: Any, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    address = dask_client.scheduler.address
    _, serial, _ = _run(capsys, "--format", "jsonl", "pages", "crawl.warc.gz")
    status, _, _ = _run(capsys, "--scheduler", address, "-o", "out", "pages", "crawl.warc.gz")
    parts = sorted((work / "out").glob("part.*.jsonl"))
    assert status == 0 and "".join(p.read_text(encoding="utf-8") for p in parts) == serial


def test_output_parts_are_not_overwritten_without_force(
    dask_client: Any, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--scheduler", dask_client.scheduler.address, "--format", "parquet", "-o", "out"]
    assert _run(capsys, *argv, "--partitions", "3", "pages")[0] == 0
    assert len(list((work / "out").iterdir())) == 3
    status, _, errors = _run(capsys, *argv, "pages")
    assert status == 1 and errors[0].endswith(
        "part.00000.parquet: exists (use --force to overwrite)"
    )
    assert _run(capsys, *argv, "--force", "--partitions", "1", "pages")[0] == 0
    assert [p.name for p in (work / "out").iterdir()] == ["part.00000.parquet"]  # no stale part


def test_unreachable_scheduler_is_reported(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        status, output, errors = _run(capsys, "--scheduler", "tcp://127.0.0.1:9", "page.html")
    assert status == 1 and output == ""
    assert errors[0].startswith("declutter: tcp://127.0.0.1:9: cannot reach the Dask scheduler")


@pytest.mark.parametrize(
    "argv",
    [
        ["--format", "parquet", "page.html"],  # parquet is a cluster format
        ["--partitions", "2", "page.html"],
        ["--scheduler", "local", "--format", "parquet", "page.html"],  # needs -o
        ["--scheduler", "local", "--format", "markdown", "page.html"],
        ["--scheduler", "local", "-"],  # the workers cannot read our stdin
        ["--scheduler", "local", "--explain", "page.html"],
        ["--scheduler", "tcp://127.0.0.1:8786", "--jobs", "2", "page.html"],
        ["--scheduler", "local", "--partitions", "0", "page.html"],
    ],
)
def test_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli.main(argv) == 2
    assert capsys.readouterr().out == ""


def test_scheduler_local_starts_a_cluster(work: Path) -> None:
    """End to end, as a user types it: ``--scheduler local`` with two worker processes."""

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "declutter", *argv]
        return subprocess.run(
            command, cwd=work, capture_output=True, text=True, timeout=120, check=False
        )

    serial = run("--format", "jsonl", "pages", "crawl.warc.gz")
    local = run("--scheduler", "local", "--jobs", "2", "pages", "crawl.warc.gz")
    assert local.returncode == serial.returncode == 0
    assert local.stdout == serial.stdout and local.stdout
    assert local.stderr.splitlines()[-1].startswith("declutter: 5 pages, 0 failed")
    assert len(local.stderr.splitlines()) == 1, local.stderr  # the cluster itself is quiet


def test_nothing_to_extract_starts_no_cluster(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "empty").mkdir()
    status, output, errors = _run(capsys, "--scheduler", "local", "empty")
    assert status == 1 and output == ""
    assert errors == [
        "declutter: empty: no file matches *.html *.htm *.xhtml *.html.gz *.htm.gz *.warc *.warc.gz"
    ]
