"""Where the command line writes: files that appear whole or not at, a progress line, and
the closing summary.

A file is written to a temporary file in its own directory and then renamed into place,
so an interrupted run never leaves a partial output; without ``force`` the rename refuses
to replace an existing file (a hard link, which fails atomically when the name is taken).
The temporary file is named before it is created and created inside the clean-up scope,
and Ctrl-C and SIGTERM wait while a file is written (where signals can be blocked), so
that no interruption leaves a ``.part`` file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

__all__ = [
    "ETA_MIN_PAGES",
    "ETA_MIN_SECONDS",
    "OutputExists",
    "Progress",
    "atomic_write",
    "file_mode",
]


class OutputExists(FileExistsError):
    """The output file exists and ``--force`` was not given."""


def file_mode() -> int:
    """Permissions for new files: what the umask allows (as ``open`` would create them)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: Path, text: str | bytes, *, force: bool, mode: int = 0o644) -> None:
    """Write `text` (UTF-8; or bytes) to `path`, all or nothing. Raises `OutputExists` when
    `path` exists and not `force`, OSError when it cannot be written."""
    if not force and path.exists():
        raise OutputExists(errno.EEXIST, "exists (use --force to overwrite)", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    with _signals_deferred():
        temp = str(path.parent / f".{path.name}.{secrets.token_hex(8)}.part")
        ours = True
        try:
            try:
                fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o600)
            except FileExistsError:
                ours = False  # another writer's file (a 1 in 2**64 chance): not ours to remove
                raise
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.chmod(temp, mode)
            _move(temp, path, force)
        finally:
            if ours:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temp)


_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_DEFERRED = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back until the block ends (they arrive then), where the
    platform can block signals; elsewhere the block's own clean-up has to do."""
    block = getattr(signal, "pthread_sigmask", None)
    if block is None:
        yield
        return
    previous = block(signal.SIG_BLOCK, _DEFERRED)
    try:
        yield
    finally:
        block(signal.SIG_SETMASK, previous)


def _move(temp: str, path: Path, force: bool) -> None:
    if force:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)  # fails if the name was taken meanwhile: nothing is replaced
    except FileExistsError:
        raise OutputExists(errno.EEXIST, "exists (use --force to overwrite)", str(path)) from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise OutputExists(
                errno.EEXIST, "exists (use --force to overwrite)", str(path)
            ) from None
        os.replace(temp, path)


ETA_MIN_PAGES = 5
ETA_MIN_SECONDS = 2.0
"""The rate and the time left are shown once this many pages are done and this many
seconds have passed: before, one fast or slow first page says nothing of the rest."""
_BAR_WIDTH = 24
_REDRAW_SECONDS = 0.1
"""The line is redrawn at most this often (a terminal need not show every page)."""


@dataclass(slots=True)
class Progress:
    """A one-line progress display on a terminal (`stream`), redrawn at most 10 times a
    second; `enabled` False makes every call a no-op. `summary` is the closing line,
    `interrupted` the line that replaces it when the run is cut short.

    With a known `total` the line has a bar and the time left: the pages to go at the rate
    so far (pages done over time elapsed, no smoothing that would hide a stall); with an
    unknown one (stdin, WARC files), the rate alone. Neither is shown before
    `ETA_MIN_PAGES` pages and `ETA_MIN_SECONDS` seconds."""

    stream: TextIO
    enabled: bool
    total: int | None = None
    pages: int = 0
    failed: int = 0
    skipped: int | None = None
    """Pages skipped for their language (None: no --target-language, not shown)."""
    clock: Callable[[], float] = time.monotonic
    """Seconds from a monotonic clock (the tests pass a fake one)."""
    _started: float = 0.0
    _drawn: float | None = None
    _visible: bool = False

    def __post_init__(self) -> None:
        self._started = self.clock()

    def step(self, *, failed: bool) -> None:
        self.pages += 1
        self.failed += failed
        if not self.enabled:
            return
        now = self.clock()
        if self._drawn is None or now - self._drawn >= _REDRAW_SECONDS or self.pages == self.total:
            self._drawn = now
            self._visible = True  # first: a Ctrl-C while the line is written still clears it
            self.stream.write("\r\x1b[K" + self._line(now))
            self.stream.flush()

    def skip(self) -> None:
        """Count a page skipped for its language (before its `step`)."""
        self.skipped = (self.skipped or 0) + 1

    def clear(self) -> None:
        """Erase the line (before other output reaches the terminal)."""
        if self._visible:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._visible = False

    def rate(self) -> float:
        elapsed = self.clock() - self._started
        return self.pages / elapsed if elapsed > 0 else 0.0

    def summary(self) -> str:
        elapsed = self.clock() - self._started
        pages = "page" if self.pages == 1 else "pages"
        skipped = "" if self.skipped is None else f", {self.skipped} skipped (other language)"
        return (
            f"declutter: {self.pages} {pages}, {self.failed} failed{skipped}, {elapsed:.1f} s, "
            f"{self.rate():.1f} pages/s"
        )

    def interrupted(self, how: str) -> str:
        """The line for a run stopped (`how`: ``interrupted``, ``terminated``) midway."""
        done = f"{self.pages} of {self.total}" if self.total else str(self.pages)
        pages = "page" if (self.total or self.pages) == 1 else "pages"
        elapsed = self.clock() - self._started
        return f"declutter: {how} after {done} {pages} ({self.failed} failed), {elapsed:.1f} s"

    def _line(self, now: float) -> str:
        counts = f"{self.pages} pages, {self.failed} failed"
        elapsed = now - self._started
        if self.pages >= ETA_MIN_PAGES and elapsed >= ETA_MIN_SECONDS:
            rate = self.pages / elapsed
            counts += f", {rate:.1f} pages/s"
            if self.total and self.pages < self.total:
                counts += f", ETA {_duration((self.total - self.pages) / rate)}"
        if not self.total:
            return f"declutter: {counts}"
        done = min(self.pages * _BAR_WIDTH // self.total, _BAR_WIDTH)
        bar = "#" * done + "." * (_BAR_WIDTH - done)
        return f"declutter: [{bar}] {self.pages}/{self.total}  {counts}"


def _duration(seconds: float) -> str:
    """``m:ss``, or ``h:mm:ss`` from an hour on."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
