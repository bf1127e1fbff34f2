"""CI runs what README promises: its test command exactly, after the linters."""

from __future__ import annotations

import re

from _pages import REPO


def _commands(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_ci_ends_with_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, re.DOTALL)
    assert first_block is not None
    test_command = first_block.group(1).splitlines()[1]
    assert test_command.endswith(".venv/bin/pytest")
    ci = _commands((REPO / ".ci" / "run").read_text(encoding="utf-8"))
    assert test_command in ci
    for check in (".venv/bin/ruff check .", ".venv/bin/mypy --strict src"):
        assert check in ci[: ci.index(test_command)]
    assert any("ruff format --check" in line for line in ci)
