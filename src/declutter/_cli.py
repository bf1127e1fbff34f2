"""The ``declutter`` command: extract the article of one or more pages."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from . import __version__
from ._model import Article
from ._options import Options
from ._pipeline import extract

__all__ = ["main"]

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2

_EPILOG = """\
exit status:
  0  every input was read and extracted
  1  at least one input could not be read (the others were still extracted)
  2  usage error (unknown option, no input)

examples:
  declutter page.html
  declutter --json a.html b.html > articles.jsonl
  curl -s https://example.com/ | declutter --url https://example.com/ -
"""


@dataclass(frozen=True, slots=True)
class _Input:
    name: str
    """As given on the command line (``-`` for stdin)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="declutter",
        description="Extract the title, date, author and body of the article in web pages.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="PAGE", help="HTML file, or - for stdin")
    out = parser.add_argument_group("output")
    out.add_argument("--json", action="store_true", help="one JSON object per input, one per line")
    out.add_argument(
        "--explain", action="store_true",
        help="print every text block with its features and the decision taken about it",
    )  # fmt: skip
    src = parser.add_argument_group("input")
    src.add_argument("--url", help="the page's URL (for all inputs)")
    src.add_argument("--encoding", help="charset to decode the input with, as an HTTP header states")
    parser.add_argument("--version", action="version", version=f"declutter {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (see ``declutter --help``)."""
    try:
        return _run(argv)
    except KeyboardInterrupt:
        return _EXIT_INTERRUPTED
    except BrokenPipeError:  # `declutter page.html | head`: the reader left, nothing to report
        sys.stderr.close()
        return EXIT_OK


_EXIT_INTERRUPTED = 130


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    failures = 0
    many = len(args.inputs) > 1
    options = Options()
    for item in _inputs(args.inputs):
        try:
            data = _read(item, options.max_bytes)
        except OSError as exc:
            failures += 1
            print(f"declutter: {item.name}: {exc.strerror or exc}", file=sys.stderr)
            continue
        if not _extract_and_write(data, item, args, many, options):
            failures += 1
    return EXIT_SOME_FAILED if failures else EXIT_OK


def _extract_and_write(
    data: bytes, item: _Input, args: argparse.Namespace, many: bool, options: Options
) -> bool:
    """Extract and print one input; False, after one line on stderr, if that failed.

    `extract` is built never to fail on content, but a batch of a million pages must not
    lose the output of the others to one bug: each result is flushed as soon as written.
    """
    try:
        article = extract(data, url=args.url, encoding=args.encoding, options=options)
        _write(article, item, args, many, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader left: stop, as `main` does
    except Exception as exc:  # noqa: BLE001 (any bug: reported, and the batch goes on)
        error = f"{type(exc).__name__}: {exc}"
        print(f"declutter: {item.name}: internal error: {error}", file=sys.stderr)
        return False
    return True


def _inputs(names: Sequence[str]) -> Iterator[_Input]:
    for name in names:
        yield _Input(name)


def _read(item: _Input, max_bytes: int) -> bytes:
    """The input's bytes, one more than `extract` reads at most: a huge file, a device or an
    endless pipe costs no more memory than that (and the result says it was truncated)."""
    if item.name == "-":
        return sys.stdin.buffer.read(max_bytes + 1)
    path = Path(item.name)
    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory")
    with path.open("rb") as stream:
        return stream.read(max_bytes + 1)


def _write(article: Article, item: _Input, args: argparse.Namespace, many: bool, out: TextIO) -> None:
    if args.json:
        record = article.to_dict(include_blocks=args.explain)
        if many:
            record = {"input": item.name, **record}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    if many:
        out.write(f"==> {item.name} <==\n")
    if args.explain:
        out.write(explain_table(article))
        return
    out.write(as_text(article))


def as_text(article: Article) -> str:
    """The article as a short header (title, author, date) and the body."""
    lines = [
        f"{label}: {value}"
        for label, value in (("title", article.title), ("author", article.author), ("date", article.date))
        if value
    ]
    header = "\n".join(lines)
    return f"{header}\n\n{article.body}\n" if header else f"{article.body}\n"


def explain_table(article: Article) -> str:
    """One line per block: decision, reason, features and the start of its text."""
    rows = [f"document score {article.score:.3f}", _EXPLAIN_HEADER]
    for b in article.blocks:
        preview = b.text.replace("\n", " ")[:_PREVIEW_CHARS]
        rows.append(
            f"{b.index:5d} {'KEEP' if b.kept else 'drop'} {b.reason[:24]:24} {b.kind[:10]:10} "
            f"{b.length:6d} {b.link_ratio:5.2f} {b.score:8.1f}  {b.path[-40:]:40}  {preview}"
        )
    return "\n".join(rows) + "\n"


_PREVIEW_CHARS = 70
_EXPLAIN_HEADER = (
    f"{'block':>5} {'':4} {'reason':24} {'kind':10} {'length':>6} {'links':>5} {'score':>8}  "
    f"{'path':40}  text"
)


if __name__ == "__main__":
    sys.exit(main())
