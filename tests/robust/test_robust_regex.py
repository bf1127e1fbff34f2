"""No regular expression of the package backtracks super-linearly on page text.

Every compiled pattern of `declutter` (module level, in classes, in module-level tuples and
dicts) is run over long adversarial strings: one character repeated (a letter, a digit, a
space, CJK, each punctuation mark the pattern names), two characters alternating, and the
pattern's own characters cycled. The cost at 4n must stay near 4 times the cost at n; a
pattern that retries a greedy run from every start position costs 16 times. A ratio of
two runs, not a timing: the machine's speed cancels out.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator

import pytest
import regex

import declutter
from robust_hostile import cost_ratio

_Pattern = re.Pattern[str] | re.Pattern[bytes] | regex.Pattern[str] | regex.Pattern[bytes]
_LINEAR = 8.0
"""Cost ratio at 4n over n below which growth counts as linear (linear 4, quadratic 16)."""
_META = set("\\()[]{}?*+|^$.")
_GENERIC = (
    "a", "A", "1", " ", "\n", "中", "я", "@.", "a.", "a ", "A ", "a-", "1 ", "1.", "1-",
    "中 ", "中中 ", "Ab ", "a, ", "a\n",
)  # fmt: skip
"""Runs the typical page-text classes trip on: word characters, digits, spaces, CJK, the
e-mail-like ``@.``, and words with separators."""


def _patterns() -> dict[str, _Pattern]:
    found: dict[int, tuple[str, _Pattern]] = {}
    for info in pkgutil.walk_packages(declutter.__path__, "declutter."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and value.__module__ == module.__name__:
                for attr, inner in vars(value).items():
                    _collect(inner, f"{info.name}.{name}.{attr}", found, 0)
            elif not inspect.ismodule(value):
                _collect(value, f"{info.name}.{name}", found, 0)
    return {f"{where}#{i}": p for i, (where, p) in enumerate(found.values())}


def _collect(value: object, where: str, found: dict[int, tuple[str, _Pattern]], depth: int) -> None:
    if isinstance(value, (re.Pattern, regex.Pattern)):
        found.setdefault(id(value), (where, value))
    elif depth < 3 and isinstance(value, dict):
        for inner in value.values():
            _collect(inner, where, found, depth + 1)
    elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
        for inner in value:
            _collect(inner, where, found, depth + 1)


_PATTERNS = _patterns()


def _units(pattern: _Pattern) -> Iterator[str]:
    """Repeating units of adversarial strings for `pattern`."""
    source = (
        pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    )
    literals = sorted({c for c in source if not c.isalnum() and c not in _META})
    yield from _GENERIC
    for c in literals:
        yield c
        yield "a" + c
    own = "".join(sorted(set(source) - _META))
    if own:
        yield own


def _cost(pattern: _Pattern, unit: str, length: int) -> None:
    text = (unit * (length // len(unit) + 1))[:length]
    subject = text.encode() if isinstance(pattern.pattern, bytes) else text
    for _ in pattern.finditer(subject):  # type: ignore[arg-type]
        pass


def _check(name: str, length: int) -> None:
    pattern = _PATTERNS[name]
    slow = {}
    for unit in _units(pattern):

        def run(n: int, unit: str = unit) -> None:
            _cost(pattern, unit, n)

        # a second, longer try before calling it: one busy moment must not fail the test
        ratio = cost_ratio(run, length)
        if ratio > _LINEAR and (ratio := cost_ratio(run, length, repeats=7)) > _LINEAR:
            slow[unit] = round(ratio, 1)
    assert not slow, f"{pattern.pattern!r} grows faster than linearly on runs of {slow}"


def test_the_package_patterns_are_found() -> None:
    where = {name.split("#")[0] for name in _PATTERNS}
    assert "declutter._vocab.CALL_TO_ACTION" in where
    assert "declutter._metadata._language._SCRIPTS" in where  # inside a tuple
    assert len(_PATTERNS) > 100


@pytest.mark.parametrize("name", sorted(_PATTERNS))
def test_pattern_is_linear(name: str) -> None:
    _check(name, 1_000)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(_PATTERNS))
def test_pattern_is_linear_at_100k(name: str) -> None:
    _check(name, 25_000)
