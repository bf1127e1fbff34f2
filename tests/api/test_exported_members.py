"""`declutter.__all__` lists exactly the public names the package defines, sorted."""

from __future__ import annotations

import types

import declutter

# dunder names that are part of the public API although they start with "_"
_PUBLIC_DUNDERS = frozenset({"__version__"})


def test_all_is_sorted_public_names() -> None:
    """Every name without a leading underscore is API (as in httpx): helpers are imported
    under private names, so nothing leaks into `declutter.*` by accident."""
    public = {
        name
        for name, value in vars(declutter).items()
        if name in _PUBLIC_DUNDERS
        or (not name.startswith("_") and not isinstance(value, types.ModuleType))
    }
    assert declutter.__all__ == sorted(public)


def test_all_names_exist() -> None:
    missing = [name for name in declutter.__all__ if not hasattr(declutter, name)]
    assert missing == []


def test_docstring_examples_run() -> None:
    """The usage example in the package docstring is true."""
    import doctest

    from declutter import _options

    for module in (declutter, _options):
        assert doctest.testmod(module).failed == 0
