"""Dask is optional: the core package and the command line never import it, and without
declutter[dask] ``--scheduler`` says how to install it (these tests run without Dask too)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from outputs_helpers import real_page


def _python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=60, check=False)


def test_the_core_and_the_command_line_do_not_import_dask(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(real_page("flowfx.de.tmux.html"))
    code = f"""
import sys
import declutter
from declutter import _cli
declutter.extract_many([b"<p>A page, short.</p>"])
assert _cli.main(["--format", "jsonl", "--quiet", {str(page)!r}]) == 0
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("dask", "distributed", "pandas", "pyarrow"))
assert not heavy, heavy
"""
    result = _python(code, tmp_path)
    assert result.returncode == 0, result.stderr


def test_scheduler_without_dask_says_how_to_install_it(tmp_path: Path) -> None:
    code = """
import sys
sys.modules["dask"] = sys.modules["distributed"] = None  # as if not installed
from declutter import _cli
sys.exit(_cli.main(["--scheduler", "local", "page.html"]))
"""
    result = _python(code, tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "declutter: --scheduler needs Dask: pip install 'declutter[dask]'\n"
