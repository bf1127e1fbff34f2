"""Regenerate the reasons tables of docs/formats.md from `Reason` and `PruneKind`.

Run from the repository root after adding a reason: `python docs/make_reasons_table.py`.
tests/render/test_reasons.py checks that the tables match the enums.
"""

from __future__ import annotations

from pathlib import Path

from declutter import PruneKind, Reason

_DOC = Path(__file__).with_name("formats.md")
_HEADING = "### Reasons\n"


def reasons_section() -> str:
    """The whole "Reasons" section, generated from the enums."""
    lines = [
        _HEADING,
        "Each block's `reason` (`declutter.Reason`; `reason.meaning` gives the sentence):\n",
        "| reason | meaning |\n| --- | --- |",
        *(f"| `{r}` | {r.meaning} |" for r in Reason),
        "\nA pruned block's `pruned_by` starts with its kind (`declutter.PruneKind`):\n",
        "| kind | meaning |\n| --- | --- |",
        *(f"| `{k}` | {k.meaning} |" for k in PruneKind),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    text = _DOC.read_text(encoding="utf-8")
    start = text.index(_HEADING)
    end = text.index("\n## ", start)
    _DOC.write_text(text[:start] + reasons_section() + text[end:], encoding="utf-8")


if __name__ == "__main__":
    main()
