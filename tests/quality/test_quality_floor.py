"""Whole-dataset quality gate: declutter must stay at or above the floors pinned in
tests/quality/quality_floor.json (see tests/quality/floors.py), on the corpus whose sha256 is pinned with them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from floors import FLOOR_FILE, PINNED, measure_dataset

_FLOORS: dict[str, Any] = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))["datasets"]


def test_every_dataset_has_floors() -> None:
    assert sorted(_FLOORS) == sorted(PINNED)


@pytest.mark.parametrize("name", sorted(PINNED))
def test_quality_floor(name: str) -> None:
    pinned = _FLOORS[name]
    sha256, summary = measure_dataset(name)
    assert sha256 == pinned["sha256"], (
        f"{name}: corpus changed; re-pin with python tests/quality/floors.py"
    )
    below = {
        k: (round(summary[k], 4), floor) for k, floor in pinned["min"].items() if summary[k] < floor
    }
    assert below == {}, f"{name}: below the floor (measured, floor): {below}"
