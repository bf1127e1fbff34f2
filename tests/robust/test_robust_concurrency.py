"""`extract` is thread-safe and process-safe: run concurrently, it gives exactly the serial
results (real pages from the benchmark fixtures and a few hostile ones, each several
times, so that threads really do work on the same pages at once)."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

import declutter
import robust_hostile as hostile

_REPEAT = 3


def _pages() -> list[bytes]:
    pages = [data for _, data in hostile.real_pages()]
    pages += [hostile.deep_divs(0.5), hostile.many_attributes(0.1), hostile.random_bytes(0.01)]
    pages += [
        hostile.gbk_labelled_utf8(0.2),
        hostile.noscript_only(0.01),
        hostile.pruned_scripts(0.05),
    ]
    return pages * _REPEAT


_PAGES = _pages()


@pytest.fixture(scope="module")
def serial() -> list[declutter.Article]:
    return [declutter.extract(page) for page in _PAGES]


def test_threads_give_the_serial_results(serial: list[declutter.Article]) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(declutter.extract, _PAGES)) == serial


def test_threads_with_a_time_budget_give_articles(serial: list[declutter.Article]) -> None:
    options = declutter.Options(time_budget=60.0)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda page: declutter.extract(page, options=options), _PAGES))
    assert results == serial


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_processes_give_the_serial_results(serial: list[declutter.Article], method: str) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method here")
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        assert list(pool.map(declutter.extract, _PAGES, chunksize=4)) == serial


def test_articles_pickle(serial: list[declutter.Article]) -> None:
    assert [pickle.loads(pickle.dumps(a)) for a in serial] == serial
