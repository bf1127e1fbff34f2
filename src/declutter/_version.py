"""The installed version of declutter (a module of its own, so every module can read it)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

__all__ = ["__version__"]

try:
    __version__ = version("declutter")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0"
