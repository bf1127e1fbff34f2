"""The package type-checks under mypy --strict (it ships py.typed, so users' checkers read it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from _pages import REPO

SRC = REPO / "src" / "declutter"


@pytest.mark.skipif(not SRC.is_dir(), reason="needs the source tree")
def test_mypy_strict_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", str(SRC)],
        capture_output=True, text=True, cwd=SRC.parents[1], check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_ships_py_typed() -> None:
    import declutter

    assert (Path(declutter.__file__).parent / "py.typed").is_file()
