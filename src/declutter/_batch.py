"""Run one function over many items in worker processes, results in input order.

`ordered_map` is the batch machinery of the command line and of a future
``extract_many(iterable, jobs=N)``: it takes items lazily (a crawl does not fit in memory),
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
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Outcome", "default_jobs", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")
_WINDOW_PER_JOB = 4
"""Items in flight per worker: enough to keep every worker busy while the oldest one is
awaited, few enough to bound memory."""


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
    fn: Callable[[T], R], items: Iterable[T], *, jobs: int = 1, preload: tuple[str, ...] = ()
) -> Iterator[Outcome[T, R]]:
    """`fn` applied to every item, one `Outcome` per item, in the order of `items`.

    `fn` and the items must be picklable when ``jobs > 1`` (`fn` a module-level function).
    `jobs` is the number of worker processes (0: one per CPU). `preload` names modules the
    workers import once, before forking (where the platform forks).
    """
    jobs = jobs or default_jobs()
    if jobs <= 1:
        for item in items:
            yield _call(fn, item)
        return
    pool = _Pool(fn, jobs, preload)
    pending: deque[tuple[T, Future[R]]] = deque()
    try:
        for item in items:
            pending.append((item, pool.submit(item)))
            while pending and (len(pending) >= jobs * _WINDOW_PER_JOB or pending[0][1].done()):
                yield pool.settle(*pending.popleft())
        while pending:
            yield pool.settle(*pending.popleft())
    finally:
        pool.close(cancel=bool(pending))


def _call(fn: Callable[[T], R], item: T) -> Outcome[T, R]:
    try:
        return Outcome(item, fn(item))
    except Exception as exc:  # noqa: BLE001  (one item's failure is its outcome)
        return Outcome(item, error=exc)


class _Pool(Generic[T, R]):
    """A process pool that replaces itself when a worker dies."""

    def __init__(self, fn: Callable[[T], R], jobs: int, preload: tuple[str, ...]) -> None:
        self.fn = fn
        self.jobs = jobs
        self.preload = preload
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = _context(self.preload)
        return ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_ignore_sigint)

    def submit(self, item: T) -> Future[R]:
        try:
            return self.executor.submit(self.fn, item)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            return self.executor.submit(self.fn, item)

    def settle(self, item: T, future: Future[R]) -> Outcome[T, R]:
        """The outcome of `item`; an item lost with a dead worker is tried once more."""
        try:
            return Outcome(item, future.result())
        except BrokenProcessPool:
            retry = self.submit(item)
        except Exception as exc:  # noqa: BLE001  (one item's failure is its outcome)
            return Outcome(item, error=exc)
        try:
            return Outcome(item, retry.result())
        except BrokenProcessPool:
            return Outcome(item, error=RuntimeError("the worker process died on this input"))
        except Exception as exc:  # noqa: BLE001  (one item's failure is its outcome)
            return Outcome(item, error=exc)

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
