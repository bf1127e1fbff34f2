"""Run one function over many items in worker processes, results in input order.

`ordered_map` is the batch machinery of the command line and of `extract_many`, the public
batch API at the end of this module: it takes items lazily (a crawl does not fit in memory),
keeps at most a window of them in flight, and yields one `Outcome` per item, in input
order, holding the value or the exception that item raised. One item's failure never stops
the others: an exception is that item's outcome, and when a worker process dies (a crash in
a native library, the kernel's OOM killer) the pool is replaced and each item that was in
flight is tried once more, so only the item that kills its worker fails.

``jobs=1`` runs in this process, without a pool. Workers ignore SIGINT: Ctrl-C reaches the
parent, which stops the workers and re-raises.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Generic, TypeVar

from ._arguments import checked_options
from ._clock import NO_CLOCK
from ._decode import not_a_page
from ._model import Article
from ._options import DEFAULT_OPTIONS, Options
from ._pipeline import timed_extract
from ._site import Boilerplate, SiteMemory, learned

__all__ = [
    "Extracted", "Outcome", "PageInput", "WorkersCannotStart", "default_jobs", "extract_many",
    "ordered_map",
]  # fmt: skip

T = TypeVar("T")
R = TypeVar("R")
_WINDOW_PER_JOB = 4
"""Items in flight per worker: enough to keep every worker busy while the oldest one is
awaited, few enough to bound memory."""


class WorkersCannotStart(RuntimeError):
    """The worker processes died before running anything: a setup mistake, not a page's
    failure (most often a script without ``if __name__ == "__main__":``)."""


_CANNOT_START = (
    "the worker processes died as they started, before any page: each one imports the "
    "script that started them (multiprocessing's spawn and forkserver start methods), and a "
    "script that calls extract_many at its top level starts workers again from there. Put the "
    'call under `if __name__ == "__main__":` (or use jobs=1)'
)


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T, R]):
    """The result of one item: `value`, or the `error` it raised."""

    item: T
    value: R | None = None
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def default_jobs() -> int:
    """Worker processes for ``jobs=0``: the CPUs this process may run on."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(
    fn: Callable[[T], R], items: Iterable[T], *, jobs: int = 1, preload: tuple[str, ...] = (),
    chunk_size: int = 1,
) -> Iterator[Outcome[T, R]]:  # fmt: skip
    """`fn` applied to every item, one `Outcome` per item, in the order of `items`.

    `fn` and the items must be picklable when ``jobs > 1`` (`fn` a module-level function).
    `jobs` is the number of worker processes (0: one per CPU). `preload` names modules the
    workers import once, before forking (where the platform forks). Items travel to the
    workers `chunk_size` at a time, which spreads the cost of each round trip (and pickles
    an object the items share once per chunk); a chunk whose worker dies is tried again
    item by item, so that still fails only the item that kills its worker.
    """
    jobs = jobs or default_jobs()
    if jobs <= 1:
        for item in items:
            yield _call(fn, item)
        return
    pool = _Pool(fn, jobs, preload)
    pending: deque[tuple[list[T], Future[list[_Result[R]]]]] = deque()
    try:
        for chunk in _chunks(items, chunk_size):
            pending.append((chunk, pool.submit(chunk)))
            while pending and (len(pending) >= jobs * _WINDOW_PER_JOB or pending[0][1].done()):
                yield from pool.settle(*pending.popleft())
        while pending:
            yield from pool.settle(*pending.popleft())
    finally:
        pool.close(cancel=bool(pending))


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _call(fn: Callable[[T], R], item: T) -> Outcome[T, R]:
    try:
        return Outcome(item, fn(item))
    except Exception as exc:  # noqa: BLE001  (one item's failure is its outcome)
        return Outcome(item, error=exc)


_Result = tuple["R | None", "Exception | None"]


def _call_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[_Result[R]]:
    """In the worker: (value, error) of each item, an item's exception its own."""
    outcomes = [_call(fn, item) for item in chunk]
    return [(o.value, o.error) for o in outcomes]


class _Pool(Generic[T, R]):
    """A process pool that replaces itself when a worker dies."""

    def __init__(self, fn: Callable[[T], R], jobs: int, preload: tuple[str, ...]) -> None:
        self.fn = fn
        self.jobs = jobs
        self.preload = preload
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        """A new pool whose workers run: a worker that cannot even run a no-op died of the
        setup (`WorkersCannotStart`), which no page should be blamed for."""
        context = _context(self.preload)
        executor = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_ignore_sigint)
        try:
            executor.submit(_ready).result()
        except BrokenProcessPool:
            executor.shutdown(wait=True, cancel_futures=True)
            raise WorkersCannotStart(_CANNOT_START) from None
        return executor

    def submit(self, chunk: list[T]) -> Future[list[_Result[R]]]:
        try:
            return self.executor.submit(_call_chunk, self.fn, chunk)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            return self.executor.submit(_call_chunk, self.fn, chunk)

    def settle(self, chunk: list[T], future: Future[list[_Result[R]]]) -> list[Outcome[T, R]]:
        """The outcomes of `chunk`. A chunk lost with a dead worker (or whose results could
        not be sent back) is tried again one item at a time, each once."""
        try:
            return [Outcome(item, *result) for item, result in zip(chunk, future.result())]
        except Exception:  # noqa: BLE001  (items' own exceptions come as results: this is the pool's)
            return [self._alone(item) for item in chunk]

    def _alone(self, item: T) -> Outcome[T, R]:
        try:
            (result,) = self.submit([item]).result()
        except BrokenProcessPool:
            return Outcome(item, error=RuntimeError("the worker process died on this input"))
        except Exception as exc:  # noqa: BLE001  (one item's failure is its outcome)
            return Outcome(item, error=exc)
        return Outcome(item, *result)

    def close(self, *, cancel: bool) -> None:
        """Shut the pool down; when `cancel` (interrupted), stop the workers at once."""
        if cancel:
            terminate = getattr(self.executor, "terminate_workers", None)  # Python 3.14+
            if terminate is not None:
                terminate()
            else:
                for process in list(getattr(self.executor, "_processes", {}).values()):
                    process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=cancel)


def _context(preload: tuple[str, ...]) -> multiprocessing.context.BaseContext:
    """forkserver where there is one (no fork of a threaded parent), else spawn."""
    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        if preload:
            context.set_forkserver_preload(list(preload))
        return context
    return multiprocessing.get_context("spawn")


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _ready() -> bool:
    return True


# --- extract_many: the public batch API --------------------------------------------------

Html = bytes | bytearray | str
PageInput = Html | tuple[Html, str | None] | tuple[Html, str | None, str | None]
"""One page for `extract_many`: its HTML, ``(html, url)``, or ``(html, url, encoding)``
where `encoding` is the charset a transport states (a WARC record's HTTP header)."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """One page's result in `extract_many`, in input order."""

    index: int
    """Position of the page in the input."""
    url: str | None
    """The URL given with the page, if any."""
    article: Article | None
    """The extracted article; None only when the item was not a page (see `error`)."""
    error: str | None = None
    """``"TypeError: ..."`` when the item was not bytes, str or (html, url); ``"empty
    file"`` or ``"not HTML (...)"`` when its bytes are no web page."""

    @property
    def ok(self) -> bool:
        return self.error is None


def extract_many(
    pages: Iterable[PageInput],
    *,
    jobs: int = 1,
    options: Options | None = None,
    reference_time: datetime | None = None,
    keep_blocks: bool = True,
    chunk_size: int = 16,
    site_memory: SiteMemory | None = None,
) -> Iterator[Extracted]:
    """Extract many pages, in `jobs` worker processes (0: one per CPU), results in order.

    Pages are taken lazily, a window of chunks at a time, so an endless crawl streams
    through in bounded memory. An item that is not a page gives an `Extracted` with an
    `error`, never an exception that stops the batch: not bytes or str (``TypeError: ...``),
    or bytes that are no web page (``empty file``, ``not HTML (PNG image data)``: the
    command line's check, `_decode.not_a_page`). `keep_blocks=False` drops the blocks
    from the articles, which makes the results much smaller to send between processes and
    to keep. Pages go to the workers `chunk_size` at a time; options travel with every
    chunk: workers hold no state between pages. `site_memory` (a `SiteMemory` learned from
    the pages first: a second pass) removes the lines it knows as each site's boilerplate;
    what it learned travels with the chunks too (a few bytes per line learned).

    With ``jobs > 1`` the workers are new processes that import the calling script (the
    spawn and forkserver start methods), so a script must call this under
    ``if __name__ == "__main__":``. Without that guard the workers die as they start, and
    the first result raises `WorkersCannotStart` (a `RuntimeError` saying so) instead of
    reporting every page as failed.
    """
    if jobs < 0 or chunk_size < 1:
        raise ValueError("jobs must be >= 0 and chunk_size >= 1")
    if options is not None and not isinstance(options, Options):
        raise TypeError(f"options must be a declutter.Options, not {type(options).__name__}")
    settings = (options or DEFAULT_OPTIONS, reference_time, keep_blocks, learned(site_memory))
    tasks = ((index, page, settings) for index, page in enumerate(pages))
    outcomes = ordered_map(
        _extract_task, tasks, jobs=jobs, preload=("declutter",), chunk_size=chunk_size
    )
    for outcome in outcomes:
        if outcome.error is None and outcome.value is not None:
            yield outcome.value
        else:  # the worker died on this page (or could not send it back): it fails alone
            index, page, _ = outcome.item
            error = f"{type(outcome.error).__name__}: {outcome.error}"
            yield Extracted(index, _url_of(page), None, error)


_TaskSettings = tuple[Options, datetime | None, bool, Boilerplate | None]


def _extract_task(task: tuple[int, PageInput, _TaskSettings]) -> Extracted:
    index, page, settings = task
    return _extract_one(index, page, settings)


def _extract_one(index: int, page: PageInput, settings: _TaskSettings) -> Extracted:
    options, reference_time, keep_blocks, site = settings
    html, url, encoding = _parts(page)
    reason = not_a_page(html) if isinstance(html, (bytes, bytearray, str)) else None
    if reason is not None:  # checked before extract, which would only give an empty article
        return Extracted(index, url if isinstance(url, str) else None, None, reason)
    try:
        checked_options(html, url, options, encoding, reference_time)
        article = timed_extract(html, url, options, encoding, reference_time, NO_CLOCK, site)
    except TypeError as exc:  # the only thing extract raises: this item is not a page
        return Extracted(index, url if isinstance(url, str) else None, None, f"TypeError: {exc}")
    if not keep_blocks:
        article = replace(article, blocks=())
    return Extracted(index, url, article)


def _parts(page: PageInput) -> tuple[Html, str | None, str | None]:
    """(html, url, encoding) of a page; a tuple of another length is left whole as `html`,
    which `extract` then rejects as this item's TypeError."""
    if isinstance(page, tuple) and len(page) in (2, 3):
        return (*page, None)[:3]
    return page, None, None  # type: ignore[return-value]  # a bad tuple: extract's TypeError


def _url_of(page: PageInput) -> str | None:
    url = page[1] if isinstance(page, tuple) and len(page) > 1 else None
    return url if isinstance(url, str) else None
