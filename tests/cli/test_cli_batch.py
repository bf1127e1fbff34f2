"""Batches: the ordered process-pool runner, --jobs, the progress line and the summary."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from declutter._batch import ordered_map
from outputs_helpers import cli, crash_on_seven, err, make_workspace, out, read_terminal


@pytest.mark.parametrize(("jobs", "chunk_size"), [(1, 1), (2, 1), (2, 3)])
def test_results_in_input_order_with_errors_per_item(jobs: int, chunk_size: int) -> None:
    items = ["3", "x", "10", "", "7"] * 5
    outcomes = list(ordered_map(int, iter(items), jobs=jobs, chunk_size=chunk_size))
    assert [o.item for o in outcomes] == items
    assert [o.value for o in outcomes] == [int(i) if i.isdigit() else None for i in items]
    assert all(isinstance(o.error, ValueError) for o in outcomes if not o.item.isdigit())


@pytest.mark.parametrize("chunk_size", [1, 4])
def test_a_dying_worker_fails_only_its_item(chunk_size: int) -> None:
    """A chunk lost with its worker is tried again item by item: its other items succeed."""
    outcomes = list(ordered_map(crash_on_seven, range(12), jobs=2, chunk_size=chunk_size))
    assert [o.item for o in outcomes] == list(range(12))
    failed = {o.item: o.error for o in outcomes if o.error is not None}
    assert set(failed) == {3, 7}
    assert "died" in str(failed[7])
    assert [o.value for o in outcomes if o.ok] == [n * n for n in range(12) if n not in (3, 7)]


def test_jobs_keep_the_order_and_the_output(tmp_path: Path) -> None:
    work = make_workspace(tmp_path / "work")
    one = cli("-f", "jsonl", "pages", "page.html", "crawl.warc.gz", cwd=work)
    two = cli("-f", "jsonl", "-j", "2", "pages", "page.html", "crawl.warc.gz", cwd=work)
    assert one.returncode == two.returncode == 0
    assert out(one) == out(two) and out(one).count("\n") == 6
    assert "6 pages, 0 failed" in err(two)


def test_quiet_and_not_a_terminal_mean_no_progress(tmp_path: Path) -> None:
    work = make_workspace(tmp_path / "work")
    piped = cli("-f", "jsonl", "pages", cwd=work)
    assert "\r" not in err(piped) and err(piped).count("\n") == 1  # the summary only
    quiet = cli("-q", "-f", "jsonl", "missing.html", "pages", cwd=work)
    assert err(quiet) == "declutter: missing.html: No such file or directory\n"


def test_progress_line_on_a_terminal(tmp_path: Path) -> None:
    work = make_workspace(tmp_path / "work")
    for n in range(30):
        (work / "pages" / f"copy{n}.html").write_bytes((work / "page.html").read_bytes())
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "declutter", "-f", "jsonl", "pages"], cwd=work,
        stdout=subprocess.DEVNULL, stderr=follower, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(follower)
    screen = read_terminal(leader)
    assert process.wait(timeout=60) == 0
    assert "\r\x1b[Kdeclutter: [" in screen and "/33" in screen and "pages/s" in screen
    assert screen.rstrip().splitlines()[-1].endswith("pages/s")
    assert "33 pages, 0 failed" in screen
