"""Command-line flags generated from the `Options` dataclass, so the two never drift.

Every field becomes ``--field-name`` (booleans ``--flag``/``--no-flag``), its help is the
field's own help, and flags are grouped by the fields' sections (`_options.SECTIONS`). A
flag left out keeps the field's default.
"""

from __future__ import annotations

import argparse
import re
import typing
from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields

from ._options import Options, help_of, is_everyday, section_of

__all__ = ["OptionFlag", "add_option_flags", "option_flags", "options_from"]

_MARKUP = re.compile(r"``?([^`]+)``?")
_DEST_PREFIX = "option_"
_ALIASES = {"include_comments": ("--comments",), "include_formatting": ("--formatting",)}
"""Short names some flags also answer to."""


@dataclass(frozen=True, slots=True)
class OptionFlag:
    """One `Options` field as a command-line flag."""

    field: str
    flag: str
    section: str
    """The field's section, a key of `_options.SECTIONS`."""
    help: str
    kind: type
    default: object
    optional: bool
    """The field also takes ``None`` (written ``none`` on the command line)."""
    everyday: bool
    """Shown by ``--help`` (the rest, tuning knobs, by ``--help-all``)."""


def option_flags() -> list[OptionFlag]:
    """A flag for every field of `Options`, in declaration order."""
    hints = typing.get_type_hints(Options)
    out = []
    for f in fields(Options):
        kind, optional = _base_type(hints[f.name])
        out.append(
            OptionFlag(
                field=f.name,
                flag="--" + f.name.replace("_", "-"),
                section=section_of(f),
                help=_MARKUP.sub(r"\1", help_of(f)),
                kind=kind,
                default=f.default if f.default is not MISSING else None,
                optional=optional,
                everyday=is_everyday(f),
            )
        )
    return out


def add_option_flags(
    parser: argparse.ArgumentParser, group_for: Callable[[str], argparse._ArgumentGroup], *,
    every_flag: bool = False,
) -> None:  # fmt: skip
    """Add every `Options` flag to `parser`, in the group `group_for` gives for its section
    (``limits``, ``prune``, ... ``output``; `_options.SECTIONS` holds their titles). Every
    flag is accepted; the help lists the everyday ones, or all of them with `every_flag`."""
    for option in option_flags():
        _add(group_for(option.section), option, shown=every_flag or option.everyday)


def options_from(namespace: argparse.Namespace) -> Options:
    """`Options` with the flags given on the command line (raises ValueError when a value
    is out of range)."""
    given: dict[str, object] = {}
    for option in option_flags():
        value = getattr(namespace, _DEST_PREFIX + option.field, None)
        if value is not None:
            given[option.field] = None if value is _NONE else value
    return Options().replace(**given)


def _add(group: argparse._ArgumentGroup, option: OptionFlag, *, shown: bool) -> None:
    default = "none" if option.default is None else _show(option.default)
    help_text = (
        f"{option.help} (default: {default})".replace("%", "%%") if shown else argparse.SUPPRESS
    )
    dest = _DEST_PREFIX + option.field
    if option.kind is bool:
        group.add_argument(
            option.flag,
            *_ALIASES.get(option.field, ()),
            dest=dest,
            action=argparse.BooleanOptionalAction,
            default=None,
            help=help_text,
        )
        return
    group.add_argument(
        option.flag, dest=dest, default=None, metavar=option.kind.__name__.upper(),
        type=_parser(option), help=help_text,
    )  # fmt: skip


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return f"{value:_}" if isinstance(value, int) and value >= 10_000 else str(value)


def _parser(option: OptionFlag) -> Callable[[str], object]:
    convert = option.kind

    def parse(text: str) -> object:
        if option.optional and text.strip().lower() in ("none", "off"):
            return _NONE
        try:
            # 10_000 reads as 10000; a selector (str) keeps its underscores
            return convert(text.replace("_", "") if convert in (int, float) else text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a valid {convert.__name__}: {text!r}") from None

    parse.__name__ = convert.__name__  # argparse names the type in its error messages
    return parse


class _NoneValue:
    """A flag given as ``none``: `options_from` must set the field to None, which argparse
    cannot tell from a flag not given."""


_NONE = _NoneValue()


def _base_type(hint: object) -> tuple[type, bool]:
    args = typing.get_args(hint)
    if args:  # X | None
        kinds = [a for a in args if a is not type(None)]
        return kinds[0], len(kinds) < len(args)
    assert isinstance(hint, type)
    return hint, False
