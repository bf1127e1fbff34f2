from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest_plugins = ["pytester", "declutter.testing"]


@pytest.fixture(scope="session")
def dask_client() -> Iterator[Any]:
    """A real Dask cluster for the test session: a LocalCluster of two worker processes
    (one thread each), and a client of it. Skips where declutter[dask] is not installed."""
    distributed = pytest.importorskip("distributed", reason="needs pip install 'declutter[dask]'")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster, set_as_default=False) as client,
    ):
        yield client
