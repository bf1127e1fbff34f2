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
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

__all__ = ["OutputExists", "Progress", "atomic_write", "file_mode"]


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


@dataclass(slots=True)
class Progress:
    """A one-line progress display on a terminal (`stream`), redrawn at most 10 times a
    second; `enabled` False makes every call a no-op. `summary` is the closing line."""

    stream: TextIO
    enabled: bool
    total: int | None = None
    pages: int = 0
    failed: int = 0
    skipped: int | None = None
    """Pages skipped for their language (None: no --target-language, not shown)."""
    started: float = field(default_factory=time.monotonic)
    _drawn: float = 0.0
    _visible: bool = False

    def step(self, *, failed: bool) -> None:
        self.pages += 1
        self.failed += failed
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= 0.1 or self.pages == self.total):
            self._drawn = now
            self.stream.write("\r\x1b[K" + self._line(now))
            self.stream.flush()
            self._visible = True

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
        elapsed = time.monotonic() - self.started
        return self.pages / elapsed if elapsed > 0 else 0.0

    def summary(self) -> str:
        elapsed = time.monotonic() - self.started
        pages = "page" if self.pages == 1 else "pages"
        skipped = "" if self.skipped is None else f", {self.skipped} skipped (other language)"
        return (
            f"declutter: {self.pages} {pages}, {self.failed} failed{skipped}, {elapsed:.1f} s, "
            f"{self.rate():.1f} pages/s"
        )

    def _line(self, now: float) -> str:
        counts = f"{self.pages} pages, {self.failed} failed, {self.rate():.1f} pages/s"
        if not self.total:
            return f"declutter: {counts}"
        width = 24
        done = min(self.pages * width // self.total, width)
        return (
            f"declutter: [{'#' * done}{'.' * (width - done)}] {self.pages}/{self.total}  {counts}"
        )
