"""Every example command of docs/cli.md (and of ``declutter --help``) works as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from _pages import REPO
from declutter._cli import EXAMPLES
from http_helpers import Reply, serve
from outputs_helpers import make_workspace

DOC = REPO / "docs" / "cli.md"
SITE = "https://example.com"
"""The site the examples fetch from: a local server stands in for it."""


def _examples() -> list[str]:
    blocks = re.findall(r"```console\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    return [line[2:] for block in blocks for line in block.splitlines() if line.startswith("$ ")]


def _shim(directory: Path) -> Path:
    """A `declutter` command running this interpreter's declutter."""
    directory.mkdir()
    shim = directory / "declutter"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m declutter "$@"\n')
    shim.chmod(0o755)
    return directory


def test_docs_have_examples() -> None:
    assert len(_examples()) >= 15


def test_help_examples_are_in_the_docs() -> None:
    assert set(EXAMPLES) <= set(_examples())


@pytest.mark.parametrize("command", _examples())
def test_example_runs(command: str, tmp_path: Path) -> None:
    work = make_workspace(tmp_path / "work")
    env = {
        **os.environ,
        "PATH": f"{_shim(tmp_path / 'bin')}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    page = Reply((work / "page.html").read_bytes())
    with serve(lambda path: page) as site:
        (work / "urls.txt").write_text(f"{site.base}/news/1.html\n{site.base}/news/2.html\n")
        result = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command.replace(SITE, site.base)], cwd=work,
            env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    assert result.returncode == 0, f"{command}\n{result.stderr}"
    made = [
        p for p in work.rglob("*") if p.is_file() and p.relative_to(work).parts[0] not in _INPUTS
    ]
    assert result.stdout.strip() or made, f"{command} produced nothing"


_INPUTS = ("page.html", "pages", "crawl.warc.gz", "list.txt", "urls.txt")
