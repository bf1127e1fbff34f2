"""The command line's flags mirror `Options` (generated from its fields and docstrings)
and --help is complete."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from _pages import REPO
from declutter import DEFAULT_OPTIONS, Options, _cli, _cli_flags

DOC = REPO / "docs" / "cli.md"


def _help(capsys: pytest.CaptureFixture[str], flag: str = "--help") -> str:
    assert _cli.main([flag]) == 0
    return capsys.readouterr().out


def test_every_options_field_has_a_documented_flag(capsys: pytest.CaptureFixture[str]) -> None:
    text = " ".join(_help(capsys, "--help-all").split())
    flags = {f.field: f for f in _cli_flags.option_flags()}
    assert set(flags) == {f.name for f in fields(Options)}
    for flag in flags.values():
        assert flag.help, f"{flag.field} has no docstring in _options.py"
        assert " ".join(flag.help.split()) in text
        assert flag.flag in text
        if flag.kind is bool:
            assert flag.flag.replace("--", "--no-", 1) in text


def test_help_shows_the_everyday_flags_and_help_all_the_tuning_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    short, full = _help(capsys), _help(capsys, "--help-all")
    flags = _cli_flags.option_flags()
    tuning = [f for f in flags if not f.everyday]

    def lists(text: str, flag: str) -> bool:
        return re.search(rf"^  {flag}\b(?!-)", text, re.MULTILINE) is not None

    assert tuning and all(lists(full, f.flag) and not lists(short, f.flag) for f in tuning)
    assert all(lists(short, f.flag) for f in flags if f.everyday)
    assert f"{len(tuning)} more flags tune the extraction" in short and "--help-all" in short
    shown = re.findall(r"^  -", short, re.MULTILINE)
    # the essentials fit on a screen (--formatting made 33)
    assert 20 <= len(shown) <= 36 < len(re.findall(r"^  -", full, re.MULTILINE))
    # a flag the short help hides still works
    assert (
        _cli_flags.options_from(
            _cli._parser().parse_args(["--max-link-ratio", "0.4", "x"])
        ).max_link_ratio
        == 0.4
    )


def test_flags_are_grouped_by_the_options_sections(capsys: pytest.CaptureFixture[str]) -> None:
    groups = re.findall(r"^(\S[^\n]*):\n", _help(capsys), re.MULTILINE)
    assert groups[:5] == ["positional arguments", "options", "input", "output", "format"]
    assert "extraction: limits (robustness)" in groups and "extraction: prune" in groups


def test_every_action_has_help() -> None:
    parser = _cli._parser()
    for action in parser._actions:
        assert action.help, action.option_strings


def test_flags_become_options() -> None:
    parser = _cli._parser()
    args = parser.parse_args([
        "--max-link-ratio", "0.4", "--no-prune-by-class", "--time-budget", "none", "--max-nodes", "1_000",
        "--include-links", "x.html",
    ])  # fmt: skip
    options = _cli_flags.options_from(args)
    assert options == DEFAULT_OPTIONS.replace(
        max_link_ratio=0.4,
        prune_by_class=False,
        time_budget=None,
        max_nodes=1000,
        include_links=True,
    )
    assert _cli_flags.options_from(parser.parse_args(["x.html"])) == DEFAULT_OPTIONS


def test_defaults_are_shown(capsys: pytest.CaptureFixture[str]) -> None:
    text = " ".join(_help(capsys).split())
    assert "(default: 32_000_000)" in text and "(default: on)" in text and "(default: 20.0)" in text


def test_fixed_flags_are_in_the_docs() -> None:
    doc = DOC.read_text(encoding="utf-8")
    generated = {f.flag for f in _cli_flags.option_flags()}
    for action in _cli._parser()._actions:
        for option in action.option_strings:
            if option not in generated and not option.startswith("--no-"):
                assert f"`{option}" in doc or f"{option}`" in doc, option


def test_bad_values_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli.main(["--max-nodes", "many", "x.html"]) == 2
    assert "--max-nodes: not a valid int: 'many'" in capsys.readouterr().err
