"""The optional compiled walk (`declutter._walk`, Cython); everything else is in pyproject.toml.

The extension is built when a C compiler and Python's headers are there; when the build
fails, the install goes on without it and declutter uses its pure-Python walk (same output).
``DECLUTTER_PURE_PYTHON=1`` at build time skips it.
"""

from __future__ import annotations

import os
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """build_ext that warns instead of failing when the extension cannot be compiled."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 (no compiler, no headers: the Python walk stays)
            _warn(exc)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:  # noqa: BLE001 (as in run)
            _warn(exc)


def _warn(exc: Exception) -> None:
    print(
        f"declutter: the compiled walk was not built ({exc}); using the Python walk",
        file=sys.stderr,
    )


def _extensions() -> list[Extension]:
    if os.environ.get("DECLUTTER_PURE_PYTHON", "") not in ("", "0"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        return []
    try:
        # no debug information: the wheel stays small (it is the library, nothing else)
        # and no symbol table beyond what Python imports (GNU ld's -s)
        flags = [] if sys.platform == "win32" else ["-g0"]
        link = ["-s"] if sys.platform.startswith("linux") else []
        walk = Extension(
            "declutter._walk",
            ["src/declutter/_walk.pyx"],
            extra_compile_args=flags,
            extra_link_args=link,
        )
        return list(cythonize([walk], quiet=True))
    except Exception as exc:  # noqa: BLE001 (a .pyx Cython cannot compile: the Python walk stays)
        _warn(exc)
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
