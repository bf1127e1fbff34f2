"""The stage clock: seconds spent in each stage, for ``bench --speed`` only."""

from __future__ import annotations

import time

__all__ = ["NO_CLOCK", "StageClock"]


class StageClock:
    """Seconds spent in each stage, summed over every page run with it (`bench --speed`)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._mark = time.perf_counter()

    def start(self) -> None:
        self._mark = time.perf_counter()

    def lap(self, stage: str) -> None:
        """Charge the time since the last mark to `stage`."""
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._mark
        self._mark = now


class _NoClock(StageClock):
    """The clock of a plain `extract`: it measures nothing."""

    def start(self) -> None:
        pass

    def lap(self, stage: str) -> None:
        pass


NO_CLOCK: StageClock = _NoClock()
