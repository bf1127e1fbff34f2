"""The one deadline of an extraction, checked by every stage.

`Options.time_budget` starts it; each stage's loops over page-sized input check it every
`STRIDE` items (a clock read per item would cost more than the work) and stop when it has
passed, leaving what they have. `hit` then says that the result was cut short.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

__all__ = ["NO_DEADLINE", "STRIDE", "Deadline"]

STRIDE = 256
"""Items a loop handles between two looks at the clock."""

_T = TypeVar("_T")


class Deadline:
    """`budget` seconds from now (None: never). `hit` turns True when a check finds it past."""

    __slots__ = ("at", "budget", "hit", "start")

    def __init__(self, budget: float | None) -> None:
        self.start = time.monotonic()
        self.budget = budget
        self.at = None if budget is None else self.start + budget
        self.hit = False

    def share(self, fraction: float) -> Deadline:
        """A deadline `fraction` of the way to this one, for a stage that must leave time
        to the stages after it; its `hit` is its own (the caller merges it)."""
        part = Deadline(None)
        if self.budget is not None:
            part.start, part.budget = self.start, self.budget * fraction
            part.at = self.start + part.budget
        return part

    def past(self) -> bool:
        """Whether the deadline has passed (and, if so, records it in `hit`)."""
        if self.at is None:
            return False
        if not self.hit and time.monotonic() > self.at:
            self.hit = True
        return self.hit

    def every(self, items: Iterable[_T], stride: int = STRIDE) -> Iterator[_T]:
        """`items`, until the deadline passes (checked before the first and every `stride`)."""
        if self.at is None:
            yield from items
            return
        for i, item in enumerate(items):
            if i % stride == 0 and self.past():
                return
            yield item


NO_DEADLINE = Deadline(None)
"""For callers outside an extraction (tests, the fallbacks' re-scoring)."""
