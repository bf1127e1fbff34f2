"""The optional compiled kernels (`declutter._walk`, Cython), for the modules that use one.

Each user self-tests the kernel it takes against its own Python code before using it, and
falls back on that code on any difference (the Python paths give the same output).
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

__all__ = ["compiled_module"]


def compiled_module() -> ModuleType | None:
    """`declutter._walk` if it is built and not disabled by ``DECLUTTER_PURE_PYTHON=1``."""
    if os.environ.get("DECLUTTER_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        return importlib.import_module("declutter._walk")
    except ImportError:
        return None
