"""The progress line: counts, a bar, the rate and an honest ETA (tested with a fake clock),
and one clean line when the run is interrupted."""

from __future__ import annotations

import io
import os
import pty
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from declutter._cli_outputs import Progress
from outputs_helpers import AS_FROM_A_TERMINAL, make_workspace, read_terminal


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _progress(total: int | None) -> tuple[Progress, io.StringIO, FakeClock]:
    stream, clock = io.StringIO(), FakeClock()
    return Progress(stream, enabled=True, total=total, clock=clock), stream, clock


def _last_line(stream: io.StringIO) -> str:
    return stream.getvalue().rsplit("\r\x1b[K", 1)[-1]


def test_the_eta_comes_from_pages_done_and_time_elapsed() -> None:
    progress, stream, clock = _progress(100)
    for _ in range(4):  # 4 pages in 1.6 s: too few to say
        clock.now += 0.4
        progress.step(failed=False)
    assert _last_line(stream) == "declutter: [........................] 4/100  4 pages, 0 failed"
    clock.now += 0.4
    progress.step(failed=True)  # 5 pages in 2.0 s: 2.5 pages/s, 95 to go
    assert (
        _last_line(stream)
        == "declutter: [#.......................] 5/100  5 pages, 1 failed, 2.5 pages/s, ETA 0:38"
    )
    clock.now += 100  # a stall: the rate and the ETA say so at the next page
    progress.step(failed=False)
    assert _last_line(stream).endswith(
        "6/100  6 pages, 1 failed, 0.1 pages/s, ETA 26:38"
    )  # 17 s a page, 94 to go


def test_the_eta_waits_for_time_as_well_as_pages() -> None:
    progress, stream, clock = _progress(1000)
    for _ in range(50):  # 50 pages in 0.5 s: fast, but too soon to extrapolate
        clock.now += 0.01
        progress.step(failed=False)
    assert "ETA" not in stream.getvalue() and "pages/s" not in stream.getvalue()
    clock.now += 2  # 51 pages in 2.5 s
    progress.step(failed=False)
    assert _last_line(stream).endswith("51/1000  51 pages, 0 failed, 20.4 pages/s, ETA 0:47")


def test_an_unknown_total_shows_the_rate_and_no_eta() -> None:
    progress, stream, clock = _progress(None)
    for _ in range(10):
        clock.now += 0.5
        progress.step(failed=False)
    assert _last_line(stream) == "declutter: 10 pages, 0 failed, 2.0 pages/s"
    assert "ETA" not in stream.getvalue() and "] " not in stream.getvalue()


def test_long_runs_show_hours_and_the_last_page_no_eta() -> None:
    progress, stream, clock = _progress(20_000)
    for _ in range(10):
        clock.now += 3
        progress.step(failed=False)
    assert _last_line(stream).endswith("0.3 pages/s, ETA 16:39:30")  # 19,990 pages at 3 s each
    progress.pages = 19_999
    clock.now += 3
    progress.step(failed=False)
    assert "ETA" not in _last_line(stream) and "20000/20000" in _last_line(stream)


def test_the_line_is_redrawn_at_most_ten_times_a_second() -> None:
    progress, stream, clock = _progress(None)
    for _ in range(100):
        clock.now += 0.0625  # exact in binary: a redraw every other page
        progress.step(failed=False)
    assert stream.getvalue().count("\r\x1b[K") == 50


def test_the_summary_and_the_interrupted_line() -> None:
    progress, _, clock = _progress(40)
    for _ in range(12):
        clock.now += 0.5
        progress.step(failed=False)
    assert progress.summary() == "declutter: 12 pages, 0 failed, 6.0 s, 2.0 pages/s"
    assert (
        progress.interrupted("interrupted")
        == "declutter: interrupted after 12 of 40 pages (0 failed), 6.0 s"
    )
    unknown, _, _ = _progress(None)
    assert (
        unknown.interrupted("terminated") == "declutter: terminated after 0 pages (0 failed), 0.0 s"
    )


@pytest.mark.parametrize(
    ("sent", "how", "status"),
    [(signal.SIGINT, "interrupted", 130), (signal.SIGTERM, "terminated", 143)],
)
def test_ctrl_c_leaves_one_clean_line(
    tmp_path: Path, sent: signal.Signals, how: str, status: int
) -> None:
    """Ctrl-C (or SIGTERM) in a batch on a terminal: the progress line is replaced by one
    line saying where the run stopped; no traceback; exit status 130 (143)."""
    work = make_workspace(tmp_path / "work")
    many = work / "many"
    many.mkdir()
    page = (work / "page.html").read_bytes()
    for n in range(3000):
        (many / f"p{n:04d}.html").write_bytes(page)
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", AS_FROM_A_TERMINAL, "-f", "jsonl", "many"], cwd=work,
        stdout=subprocess.DEVNULL, stderr=follower, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(follower)
    screen = read_terminal(leader, until="/3000", timeout=60)  # the progress line is up
    process.send_signal(sent)
    screen += read_terminal(leader, timeout=60)
    assert process.wait(timeout=60) == status
    assert "Traceback" not in screen
    last = screen.rsplit("\r\x1b[K", 1)[-1]  # the progress line erased, then
    assert last.startswith(f"declutter: {how} after ") and last.endswith(" s\r\n"), repr(
        screen[-300:]
    )
    assert " of 3000 pages (0 failed), " in last and last.count("\n") == 1
