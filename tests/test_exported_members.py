"""`declutter.__all__` lists exactly the public names the package defines, sorted."""

from __future__ import annotations

import types

import declutter

# dunder names that are part of the public API although they start with "_"
_PUBLIC_DUNDERS = frozenset({"__version__"})


def _defined_here(value: object) -> bool:
    """True for objects declutter defines (not imported helpers, not submodules)."""
    if isinstance(value, types.ModuleType):
        return False
    return str(getattr(value, "__module__", "")).split(".")[0] == "declutter"


def test_all_is_sorted_public_names() -> None:
    public = {
        name
        for name, value in vars(declutter).items()
        if name in _PUBLIC_DUNDERS or (not name.startswith("_") and _defined_here(value))
    }
    assert declutter.__all__ == sorted(public)


def test_all_names_exist() -> None:
    missing = [name for name in declutter.__all__ if not hasattr(declutter, name)]
    assert missing == []
