"""The ``declutter`` command: extract the article of one or more pages.

Thin by design: the arguments (`_parser`), then inputs (`_inputs`), extraction in
worker processes (`_batch.ordered_map`, calling `_work`), and outputs (`_cli_outputs`).
Extraction flags are generated from `Options` (`_cli_flags`). With ``--scheduler`` a Dask
cluster extracts and writes instead (`_cli_dask`). See ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import FrameType
from typing import TextIO

from . import _charsets, _cli_dask, _cli_flags, _inputs
from ._api import extract
from ._batch import Outcome, WorkersCannotStart, ordered_map
from ._cli_outputs import OutputExists, Progress, atomic_write, file_mode
from ._decode import not_a_page
from ._fetch import DEFAULT_TIMEOUT, FetchError, fetch, is_url
from ._inputs import Entry, InputFile, Remote, Source, Unreadable
from ._metadata._language import is_target, targets
from ._model import Article
from ._options import SECTIONS, Options
from ._render import (
    FORMATS,
    Format,
    csv_header,
    csv_row,
    explain_html,
    explain_table,
    json_record,
    render,
)  # fmt: skip
from ._site import SiteMemory
from ._version import __version__

__all__ = ["as_text", "explain_table", "main"]

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
_EXIT_INTERRUPTED = 130
_EXIT_TERMINATED = 143

EXAMPLES = (
    "declutter page.html",
    "declutter https://example.com/news/1.html",
    "declutter --format markdown --include-links --formatting --comments page.html",
    "declutter --format jsonl --jobs 2 pages/ > articles.jsonl",
    "declutter --output-dir out --format markdown pages/ crawl.warc.gz",
    "cat page.html | declutter --url https://example.com/news/1 -",
    "declutter --explain-html report.html page.html",
)
_EPILOG = f"""\
exit status:
  0    every input was read, extracted and written
  1    at least one input failed (the others were still extracted and written)
  2    usage error (unknown option, bad value, no input)
  130  interrupted (Ctrl-C; 143 for SIGTERM): no partial output file is left behind

examples:
{chr(10).join("  " + example for example in EXAMPLES)}

Every extraction flag is a field of declutter.Options; docs/cli.md has the details.
"""
_TUNING_NOTE = """{count} more flags tune the extraction's limits, weights and thresholds: declutter --help-all
"""
_EXTENSIONS: dict[str, str] = {
    "text": ".txt",
    "markdown": ".md",
    "json": ".json",
    "jsonl": ".jsonl",
    "html": ".html",
    "csv": ".csv",
}
_EXPLAIN_SUFFIX = ".explain.html"


@dataclass(frozen=True, slots=True)
class _CliSettings:
    """What every page's worker needs to know."""

    format: Format
    metadata: bool
    explain: bool
    explain_html: bool
    options: Options
    timeout: float = DEFAULT_TIMEOUT
    """Seconds fetching one URL may take."""
    encoding: str | None = None
    """--encoding: the charset of a fetched page whose header states none."""
    languages: frozenset[str] = frozenset()
    """--target-language as primary languages: pages in others are skipped (empty: none)."""
    site_memory: SiteMemory | None = None
    """With --site-memory: what the first pass learned of each site's boilerplate."""


@dataclass(frozen=True, slots=True)
class _Job:
    source: Source
    settings: _CliSettings


@dataclass(frozen=True, slots=True)
class _Rendered:
    output: str
    explain_html: str | None
    skipped: str | None = None
    """The page's language when --target-language skips it (nothing is written)."""


def _parser(*, every_flag: bool = False) -> argparse.ArgumentParser:
    """The command line; its help shows the everyday flags, or `every_flag` (--help-all)."""
    tuning = sum(not flag.everyday for flag in _cli_flags.option_flags())
    parser = argparse.ArgumentParser(
        prog="declutter",
        usage="%(prog)s [options] PAGE... | -T LIST",
        description="Extract the title, date, author and body of the article in web pages.",
        epilog=_EPILOG if every_flag else _EPILOG + "\n" + _TUNING_NOTE.format(count=tuning),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--help-all",
        action=_HelpAll,
        nargs=0,
        help="show every flag, the tuning ones too, and exit",
    )
    parser.add_argument(
        "inputs", nargs="*", metavar="PAGE",
        help="HTML file (gzip allowed), directory (searched recursively), WARC file, "
        "http(s) URL, or - for stdin",
    )  # fmt: skip
    _input_arguments(parser.add_argument_group("input"))
    _output_arguments(parser.add_argument_group("output"))
    groups = {"format": parser.add_argument_group("format")}
    _format_arguments(groups["format"])
    _cli_dask.add_arguments(parser.add_argument_group("cluster (declutter[dask])"))

    def group_for(section: str) -> argparse._ArgumentGroup:
        title = "format" if section == "output" else f"extraction: {SECTIONS[section]}"
        return groups.get(title) or groups.setdefault(title, parser.add_argument_group(title))

    _cli_flags.add_option_flags(parser, group_for, every_flag=every_flag)
    parser.add_argument("--version", action="version", version=f"declutter {__version__}")
    return parser


class _HelpAll(argparse.Action):
    """``--help-all``: the help with every flag."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        _parser(every_flag=True).print_help()
        parser.exit()


def _input_arguments(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "-T", "--files-from", metavar="LIST",
        help="also read the pages named in LIST, one path a line (- for stdin)",
    )  # fmt: skip
    group.add_argument(
        "--urls-from", metavar="LIST",
        help="also fetch the URLs listed in LIST, one a line (- for stdin; same as -T)",
    )  # fmt: skip
    group.add_argument(
        "--null", action="store_true", help="names in LIST end with NUL (find -print0), not newline"
    )
    group.add_argument(
        "--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
        help=f"seconds fetching one URL may take in all (default: {DEFAULT_TIMEOUT:g})",
    )  # fmt: skip
    group.add_argument(
        "--glob", action="append", metavar="PATTERN",
        help="in directories, read the files whose name or relative path matches PATTERN "
        "(case-insensitive; repeatable; default: " + " ".join(_inputs.DEFAULT_GLOBS) + ")",
    )  # fmt: skip
    group.add_argument(
        "--url", help="the page's URL (for files and stdin; WARC records have their own)"
    )
    group.add_argument(
        "--site-memory", action="store_true",
        help="read the inputs twice: learn the lines repeated in the bodies of each site's "
        "pages (the site of a WARC record's or --url's host; files without --url are one "
        "site), then extract without them (files and WARC files only, not stdin or URLs)",
    )  # fmt: skip
    group.add_argument(
        "--encoding", help="charset of files and stdin, as an HTTP header would state it "
        "(a WHATWG label: utf-8, windows-1252, gbk...; WARC records use their HTTP header's)",
    )  # fmt: skip


def _output_arguments(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "-o", "--output-dir", metavar="DIR",
        help="write one file per page under DIR, mirroring the input's path (default: stdout)",
    )  # fmt: skip
    group.add_argument("--force", action="store_true", help="overwrite existing output files")
    group.add_argument(
        "-j", "--jobs", type=_jobs, metavar="N",
        help="extract in N worker processes, output in input order (0: one per CPU; default: 1)",
    )  # fmt: skip
    group.add_argument(
        "-q", "--quiet", action="store_true",
        help="no progress line and no summary on stderr (errors are still reported)",
    )  # fmt: skip
    group.add_argument(
        "--explain", action="store_true",
        help="instead of the article: every block with its features and decision (text, "
        "markdown: a table; html: the visual report); json, jsonl: add the blocks",
    )  # fmt: skip
    group.add_argument(
        "--explain-html", metavar="PATH",
        help="also write the visual report (kept and dropped blocks highlighted, with scores) "
        "as a self-contained HTML file; for several pages PATH is a directory",
    )  # fmt: skip


def _format_arguments(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "-f", "--format", choices=(*FORMATS, "parquet"), default=None,
        help="text (default), markdown (CommonMark), json (one indented object per page), "
        "jsonl (one object per line), html (clean, safe HTML), csv (a row per page, "
        "RFC 4180), parquet (with --scheduler)",
    )  # fmt: skip
    group.add_argument("--json", action="store_true", help="same as --format jsonl")
    group.add_argument(
        "--metadata", action=argparse.BooleanOptionalAction, default=True,
        help="the title, authors, date... before the body in text, markdown and html "
        "(json always has them; default: on)",
    )  # fmt: skip


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError("must be a positive number of seconds")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (see ``declutter --help``)."""
    _tolerate_narrow_streams()
    with _terminate_as_exception():
        try:
            return _run(argv)
        except KeyboardInterrupt:
            return _EXIT_INTERRUPTED
        except _Terminated:
            return _EXIT_TERMINATED
        except BrokenPipeError:  # `declutter page.html | head`: the reader left
            _silence_stdout()
            return EXIT_OK
        except WorkersCannotStart:
            sys.stderr.write("declutter: --jobs: the worker processes died as they started\n")
            return EXIT_SOME_FAILED


def _tolerate_narrow_streams() -> None:
    """A console or pipe whose encoding cannot hold the text (cp1252 and a Chinese page)
    gets escapes for those characters, not a crash halfway through a batch."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(errors="backslashreplace")


class _Terminated(BaseException):
    """SIGTERM, raised where the program is, so that its clean-ups run (a BaseException,
    as KeyboardInterrupt is: no per-item error handler may take it for a page's failure)."""


@contextlib.contextmanager
def _terminate_as_exception() -> Iterator[None]:
    def handler(signum: int, frame: FrameType | None) -> None:
        raise _Terminated

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        run = _CliRun(args, _settings(parser, args), sys.stdout, sys.stderr)
        run.check(parser)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    return run.execute()


def _settings(parser: argparse.ArgumentParser, args: argparse.Namespace) -> _CliSettings:
    if args.json and args.format not in (None, "jsonl"):
        parser.error("--json is --format jsonl; give one of them")
    if args.encoding is not None and _charsets.lookup(args.encoding) is None:
        parser.error(
            f"--encoding {args.encoding!r}: not a charset label of the WHATWG Encoding Standard "
            "(utf-8, windows-1252, gbk, shift_jis, ...)"
        )
    _cli_dask.check(parser, args)
    try:
        options = _cli_flags.options_from(args)
        if args.explain_html is not None or (args.explain and args.format == "html"):
            options = options.replace(page_view=True)  # the report draws the page's regions
        languages = targets(options.target_language)
    except (TypeError, ValueError) as exc:
        parser.error(str(exc))
    if languages and args.scheduler is not None:
        parser.error("--target-language is applied here, not on a cluster: drop --scheduler")
    return _CliSettings(
        # on a cluster, JSON records (also what parquet holds); _cli_dask writes them
        format="jsonl" if args.json or args.scheduler is not None else (args.format or "text"),
        metadata=args.metadata,
        explain=args.explain,
        explain_html=args.explain_html is not None,
        options=options,
        timeout=args.timeout,
        encoding=args.encoding,
        languages=languages,
    )


@dataclass
class _CliRun:
    """One run of the command: inputs planned, pages extracted, outputs written."""

    args: argparse.Namespace
    settings: _CliSettings
    stdout: TextIO
    stderr: TextIO
    entries: list[Entry] = field(default_factory=list)
    failures: int = 0
    claimed: set[Path] = field(default_factory=set)
    batch: bool = False
    """Pages from a directory, a list or a WARC file: a batch, which ends with a summary
    line (other runs of several pages only on a terminal)."""
    progress: Progress | None = None
    mode: int = 0o644
    csv_header_written: bool = False

    def check(self, parser: argparse.ArgumentParser) -> None:
        """Plan the inputs; usage errors exit 2 before any page is read."""
        args = self.args
        if not args.inputs and not args.files_from and not args.urls_from:
            parser.error("no input: name a PAGE, a directory, - for stdin, or --files-from LIST")
        lists = [name for name in (args.files_from, args.urls_from) if name]
        if "-" in lists and ("-" in args.inputs or len(lists) > 1):
            parser.error(
                "stdin cannot be both a page (-) and a list, or two lists (-T -, --urls-from -)"
            )
        listed = self._listed(args.files_from) if args.files_from else []
        for name in self._listed(args.urls_from) if args.urls_from else []:
            if is_url(name):
                listed.append(name)
            else:
                self._fail(name, f"not an http or https URL (in {args.urls_from})")
        self.entries, empty = _inputs.plan(args.inputs, args.glob or (), listed)
        for message in empty:  # a directory without pages: that input failed
            self._fail(*message)
        self.batch = (
            bool(lists)
            or any(os.path.isdir(n) for n in args.inputs)
            or any(e.warc for e in self.entries)
        )
        if args.scheduler is not None and any(e.remote for e in self.entries):
            parser.error("URLs are fetched here, not on a cluster: drop --scheduler")
        if args.site_memory:
            self._check_site_memory(parser)
        if self.settings.format == "csv" and args.explain:
            parser.error("--explain has no csv form: use --format jsonl --explain")
        if self.settings.format == "html" and self.many and not args.output_dir:
            parser.error("html output of several pages needs --output-dir")
        explain = args.explain_html
        if explain is not None and self.many and not self._explain_is_dir():
            parser.error(
                "--explain-html PATH for several pages: PATH must be a directory (end it with /)"
            )

    def _check_site_memory(self, parser: argparse.ArgumentParser) -> None:
        """--site-memory reads every input twice: stdin and URLs cannot be (a stream is read
        once, a site is not fetched twice), and a cluster would need the memory first."""
        twice = "--site-memory reads its inputs twice"
        if any(e.path == "-" for e in self.entries):
            parser.error(f"{twice}: stdin (-) cannot be read again; save it to a file")
        if any(e.remote for e in self.entries):
            parser.error(f"{twice}: URLs would be fetched twice; save the pages first")
        if self.args.scheduler is not None:
            parser.error("--site-memory learns here: drop --scheduler (declutter.dask takes one)")

    @property
    def many(self) -> bool:
        return self.batch or len(self.entries) > 1

    def _listed(self, name: str) -> list[str]:
        try:
            raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as exc:
            self._error(f"{name}: {exc.strerror or exc}")
            return []
        text = os.fsdecode(raw)
        # newline (or NUL) only: a file name may hold a form feed, U+0085 or U+2028
        names = text.split("\0" if self.args.null else "\n")
        return [n for n in names if n.strip()]

    def _explain_is_dir(self) -> bool:
        path: str = self.args.explain_html
        return path.endswith(("/", os.sep)) or os.path.isdir(path)

    def execute(self) -> int:
        stderr = self.stderr
        self.mode = file_mode()
        total = None if any(e.warc or e.path == "-" for e in self.entries) else len(self.entries)
        shown = self.many and not self.args.quiet and stderr.isatty()
        self.progress = Progress(
            stderr, enabled=shown, total=total, skipped=0 if self.settings.languages else None
        )
        try:
            if self.args.scheduler is None:
                self._extract_here()
            else:
                self._extract_on_cluster()
        except (KeyboardInterrupt, _Terminated) as stop:
            self._stopped("interrupted" if isinstance(stop, KeyboardInterrupt) else "terminated")
            raise
        self.progress.clear()
        if self.progress.pages > 1 and not self.args.quiet and (self.batch or stderr.isatty()):
            stderr.write(self.progress.summary() + "\n")
        return EXIT_SOME_FAILED if self.failures else EXIT_OK

    def _stopped(self, how: str) -> None:
        """Ctrl-C or SIGTERM midway: the progress line gives way to one line saying where
        the run stopped (also when stderr is no terminal: a log shows it)."""
        assert self.progress is not None
        self.progress.clear()
        if not self.args.quiet:
            self.stderr.write(self.progress.interrupted(how) + "\n")
            self.stderr.flush()

    def _extract_here(self) -> None:
        assert self.progress is not None
        settings = self.settings
        if self.args.site_memory:
            settings = replace(settings, site_memory=self._learn_sites())
        jobs = (_Job(self._claim(source), settings) for source in self._sources())
        outcomes = ordered_map(
            _work, jobs, jobs=self._workers, preload=("declutter._cli",), chunk_size=_CHUNK_SIZE
        )
        for outcome in outcomes:
            ok = self._deliver(outcome)
            self.progress.step(failed=not ok)

    def _sources(self) -> Iterator[Source]:
        return _inputs.read(
            self.entries, limit=self.settings.options.max_bytes, url=self.args.url,
            encoding=self.args.encoding,
        )  # fmt: skip

    @property
    def _workers(self) -> int:
        return 1 if self.args.jobs is None else self.args.jobs

    def _learn_sites(self) -> SiteMemory:
        """--site-memory's first pass: every page extracted and learned from; an input that
        fails here fails again in the second pass, which reports it."""
        memory = SiteMemory()
        jobs = (_Job(source, self.settings) for source in self._sources())
        outcomes = ordered_map(
            _learn, jobs, jobs=self._workers, preload=("declutter._cli",), chunk_size=_CHUNK_SIZE
        )
        for outcome in outcomes:
            if outcome.value is not None:
                memory.learn(*outcome.value)
        return memory

    def _extract_on_cluster(self) -> None:
        assert self.progress is not None
        _cli_dask.execute(
            self.args, self.entries, self.settings.options, named=True,
            stdout=self.stdout, progress=self.progress, report=self._fail,
        )  # fmt: skip

    def _claim(self, source: Source) -> Source:
        """The page, or why it fails before extraction: its output file exists (without
        --force), or an earlier input of this run already writes there."""
        if isinstance(source, Unreadable):
            return source
        for path in self._targets(source):
            if path in self.claimed:
                return Unreadable(source.name, f"{path}: an earlier input of this run writes there")
            if not self.args.force and path.exists():
                return Unreadable(source.name, f"{path}: exists (use --force to overwrite)")
        self.claimed.update(self._targets(source))
        return source

    def _targets(self, page: InputFile | Remote) -> list[Path]:
        paths = []
        if self.args.output_dir:
            paths.append(_under(self.args.output_dir, page, _EXTENSIONS[self.settings.format]))
        if self.args.explain_html is not None:
            if self._explain_is_dir():
                paths.append(_under(self.args.explain_html, page, _EXPLAIN_SUFFIX))
            else:
                paths.append(Path(self.args.explain_html))
        return paths

    def _deliver(self, outcome: Outcome[_Job, _Rendered | None]) -> bool:
        """Write one page's outputs; False (and an error line) when the page failed."""
        source = outcome.item.source
        if isinstance(source, Unreadable):
            return self._fail(source.name, source.message)
        if isinstance(outcome.error, FetchError):
            return self._fail(source.name, str(outcome.error))
        if outcome.error is not None or outcome.value is None:
            error = outcome.error
            detail = f"{type(error).__name__}: {error}" if error is not None else "no result"
            return self._fail(source.name, f"internal error: {detail}")
        rendered = outcome.value
        if rendered.skipped is not None:
            return self._skip(source.name, rendered.skipped)
        try:
            self._write(source, rendered)
        except BrokenPipeError:
            raise  # the reader left: main() ends the run quietly
        except OSError as exc:
            return self._fail(source.name, _os_message(exc))
        return True

    def _write(self, page: InputFile | Remote, rendered: _Rendered) -> None:
        targets = iter(self._targets(page))
        if self.args.output_dir:
            text = rendered.output
            if self.settings.format == "csv":  # each file is a CSV document of its own
                text = csv_header(Article()) + text
            atomic_write(next(targets), text, force=self.args.force, mode=self.mode)
        else:
            self._to_stdout(page, rendered.output)
        if rendered.explain_html is not None:
            atomic_write(
                next(targets), rendered.explain_html, force=self.args.force, mode=self.mode
            )

    def _to_stdout(self, page: InputFile | Remote, text: str) -> None:
        assert self.progress is not None
        self.progress.clear()
        if self.many and self.settings.format in ("text", "markdown"):
            if self.progress.pages:
                self.stdout.write("\n")
            self.stdout.write(f"==> {page.name} <==\n")
        if self.settings.format == "csv" and not self.csv_header_written:
            self.stdout.write(csv_header(Article()))
            self.csv_header_written = True
        self.stdout.write(text)
        self.stdout.flush()

    def _skip(self, name: str, language: str) -> bool:
        """A page in another language than --target-language: counted, not written (a
        single page says so, a batch's summary counts them)."""
        assert self.progress is not None
        self.progress.skip()
        if not self.many:
            self._error(f"{name}: skipped, its language {language} is not a --target-language")
        return True

    def _fail(self, name: str, message: str) -> bool:
        self.failures += 1
        self._error(f"{name}: {message}")
        return False

    def _error(self, message: str) -> None:
        if self.progress is not None:
            self.progress.clear()
        self.stderr.write(f"declutter: {_inputs.printable(message)}\n")
        self.stderr.flush()


_CHUNK_SIZE = 8
"""Pages sent to a worker at once: fewer round trips, yet a steady progress line."""


def _under(directory: str, page: InputFile | Remote, suffix: str) -> Path:
    stem = page.stem
    return Path(directory, *stem.parent.parts, stem.name + suffix)


def _os_message(exc: OSError) -> str:
    if isinstance(exc, OutputExists):
        return f"{exc.filename}: {exc.strerror}"
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"


# --- in the worker process ---------------------------------------------------------------


def _work(job: _Job) -> _Rendered | None:
    """Fetch (a URL), extract and render one page (in a worker process when --jobs > 1)."""
    settings = job.settings
    page = _fetched(job.source, settings)
    if page is None:
        return None
    article = extract(
        page.data, url=page.url, encoding=page.encoding, options=settings.options,
        site_memory=settings.site_memory,
    )  # fmt: skip
    if not is_target(article.language, settings.languages):
        return _Rendered("", None, skipped=article.language)
    report = explain_html(article) if settings.explain_html else None
    return _Rendered(_render(article, page.name, settings), report)


def _learn(job: _Job) -> tuple[Article, str | None] | None:
    """--site-memory's first pass on one file's page: its article, with only the body's
    blocks (what the memory learns from), and its URL."""
    page = job.source
    if not isinstance(page, InputFile):
        return None
    options = job.settings.options.replace(body_only=True, include_comments=False)  # body alike
    article = extract(page.data, url=page.url, encoding=page.encoding, options=options)
    return replace(article, blocks=tuple(b for b in article.blocks if b.kept)), page.url


def _fetched(source: Source, settings: _CliSettings) -> InputFile | None:
    """The page to extract: a URL fetched (raising `FetchError`), a file's page as read."""
    if isinstance(source, Remote):
        got = fetch(source.name, timeout=settings.timeout, max_bytes=settings.options.max_bytes)
        reason = not_a_page(got.content)  # the check files get when they are read
        if reason is not None:
            raise FetchError(reason)
        encoding = got.encoding or settings.encoding
        return InputFile(source.name, got.content, got.url, encoding, source.stem)
    return source if isinstance(source, InputFile) else None


def _render(article: Article, name: str, settings: _CliSettings) -> str:
    fmt = settings.format
    if fmt == "json" or fmt == "jsonl":
        indent = 2 if fmt == "json" else None
        extra = {"input": name}
        return json_record(article, blocks=settings.explain, indent=indent, extra=extra)
    if fmt == "csv":  # the row alone: the run writes the header once (or once per file)
        return csv_row(article, input=name)
    if settings.explain:
        return explain_html(article) if fmt == "html" else explain_table(article)
    return render(article, fmt, metadata=settings.metadata)


def as_text(article: Article) -> str:
    """The article as ``declutter PAGE`` prints it (the ``text`` format)."""
    return render(article, "text")


if __name__ == "__main__":
    sys.exit(main())
