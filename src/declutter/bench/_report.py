"""What the benchmark prints: one aligned table per dataset, the worst pages explained, and the
speed tables of ``--speed``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from ._metrics import METRICS, ScoreAgreement, bigrams, norm_segment, shingles
from ._run import PageRun, ToolRun
from ._speed import SpeedRun

__all__ = ["format_agreement", "format_speed", "format_table", "format_worst"]

_COLUMNS = ("P", "R", "F1", "acc", "title", "author", "date")
_METADATA = frozenset({"title", "author", "date"})
_EXCERPT_CHARS = 110
_EXCERPTS_PER_SIDE = 5
_COVERED = 0.5
"""A paragraph counts as found when this share of its n-grams occurs on the other side."""

# --- table -------------------------------------------------------------------------------------


def _cell(run: ToolRun, column: str) -> str:
    metric = METRICS[run.dataset.kind]
    key = metric.columns.get(column)
    field = column if column in _METADATA else "body"
    if key is None or field not in run.tool.fields:
        return "-"
    if column in _METADATA and run.summary.get(f"{column}_n") == 0:
        return "-"  # no page of this dataset has gold for the field
    return f"{run.summary[key] * metric.scale:.1f}"


def _row(run: ToolRun) -> list[str]:
    cells = [run.tool.name, run.tool.version or "-"]
    cells += [_cell(run, c) for c in _COLUMNS]
    return cells + [f"{run.pages_per_second:.1f}", str(run.errors)]


def format_table(runs: Sequence[ToolRun], sha256: str) -> str:
    """The dataset's table: body P/R/F1/accuracy and metadata accuracy in %, then pages/s."""
    dataset = runs[0].dataset
    header = ["tool", "version", *_COLUMNS, "pages/s", "errors"]
    title = f"== {dataset.name}: {len(dataset.pages)} pages, corpus sha256 {sha256[:12]} =="
    lines = [title, *_aligned([header] + [_row(run) for run in runs], 2)]
    if dataset.kind == "wceb":
        lines.append(
            "   (ROUGE-LSum, mean over pages; bodies against the gold before the comments)"
        )
        lines += [_comments_line(run) for run in runs if run.summary.get("comments_n")]
    return "\n".join(lines)


def _comments_line(run: ToolRun) -> str:
    s = run.summary
    return (
        f"   {run.tool.name} comments on {s['comments_n']:.0f} pages: P {100 * s['comments_p']:.1f}"
        f"  R {100 * s['comments_r']:.1f}  F1 {100 * s['comments_f1']:.1f}"
    )


def format_agreement(agreement: ScoreAgreement, datasets: Sequence[str]) -> str:
    """How well declutter's document score predicts its per-page body F1."""
    return (
        f"== declutter document score vs page F1, {agreement.pages} pages of "
        f"{', '.join(datasets)} ==\n"
        f"ROC AUC {agreement.auc:.3f} (low score for the {agreement.bad} pages with F1 < 0.5)"
        f"  Spearman {agreement.spearman:.3f}"
    )


def _aligned(rows: Sequence[Sequence[str]], left: int) -> list[str]:
    """The rows as lines of columns: the first `left` columns flush left, the rest right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            [
                cell.ljust(widths[i]) if i < left else cell.rjust(widths[i])
                for i, cell in enumerate(row)
            ]
        ).rstrip()
        for row in rows
    ]


# --- speed -------------------------------------------------------------------------------------

_STAGES = (
    "decode", "parse", "head", "prune", "segment", "score", "select", "dedup", "metadata", "comments",
    "serialise", "extract",
)  # fmt: skip
"""Stage columns in pipeline order (declutter's stages, then the other tools' ``extract``)."""
_SPEED_NOTES = """\
note: pages/s is the median over the repeats of pages / seconds inside the tool's calls;
  min and max are the slowest and fastest repeat, each after an untimed warm-up pass;
  F1 (%) is the last repeat's.
note: declutter walks the DOM with its compiled kernel (declutter._walk) when it is built and
  passed its self-test, declutter-python with the pure-Python walk (the output is identical),
  declutter-body for body-only callers (Options(body_only=True): no metadata stage).
note: trafilatura's parse is its load_html (decode, repair, lxml.html parse) as called by
  bare_extraction, extract the rest; resiliparse's parse is detect_encoding and
  HTMLTree.parse_from_bytes, extract is extract_plain_text(main_content=True); a tool without
  a parse column is timed whole; the floors parse the page's bytes and nothing else."""


def _speed_row(run: SpeedRun) -> list[str]:
    f1, rates = run.f1(), run.pages_per_second
    median = run.median_pages_per_second()
    return [
        run.tool.name, run.tool.version or "-", "-" if f1 is None else f"{f1:.1f}",
        f"{median:.1f}", f"{min(rates):.1f}", f"{max(rates):.1f}", f"{1000 / median:.2f}",
        str(run.passes[-1].errors),
    ]  # fmt: skip


def _ratios(runs: Sequence[SpeedRun]) -> list[str]:
    rates = {run.tool.name: run.median_pages_per_second() for run in runs}
    if "declutter" not in rates:
        return []
    return [
        f"declutter/{name} pages/s: {rates['declutter'] / rates[name]:.2f}x"
        for name in ("declutter-python", "declutter-body", "trafilatura", "resiliparse")
        if name in rates
    ]


def format_speed(runs: Sequence[SpeedRun]) -> str:
    """Pages/s (median, min, max) with F1 and ms/page, the stages' ms/page, and the ratios."""
    dataset, passes = runs[0].passes[0].dataset, len(runs[0].passes)
    header = ["tool", "version", "F1", "pages/s", "min", "max", "ms/page", "errors"]
    stage_ms = [run.stage_ms() for run in runs]
    seen = {name for ms in stage_ms for name in ms}
    stages = [s for s in _STAGES if s in seen] + sorted(seen.difference(_STAGES))
    stage_rows = [["tool", *stages]] + [
        [run.tool.name] + [f"{ms[s]:.2f}" if s in ms else "-" for s in stages]
        for run, ms in zip(runs, stage_ms)
    ]
    return "\n".join([
        f"== {dataset.name} speed: {len(dataset.pages)} pages, {passes} timed passes per tool ==",
        *_aligned([header] + [_speed_row(run) for run in runs], 2),
        "",
        f"== {dataset.name}: ms/page per stage (median over the repeats) ==",
        *_aligned(stage_rows, 1),
        "",
        *_ratios(runs),
        _SPEED_NOTES,
    ])  # fmt: skip


# --- worst pages -------------------------------------------------------------------------------


def _excerpt(text: str) -> str:
    flat = norm_segment(text)
    if len(flat) <= _EXCERPT_CHARS:
        return flat
    return f"{flat[:_EXCERPT_CHARS]}… ({len(flat)} chars)"


def _paragraphs(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _word_grams(text: str) -> Counter[tuple[str, ...]]:
    return shingles(text, 3)  # shorter than the metric's 4 so that short paragraphs count too


def _uncovered(
    text: str | None, other: str | None, grams: Callable[[str], Counter[Any]]
) -> list[str]:
    """Paragraphs of `text` that `other` mostly lacks, counting repeats (by the dataset's n-grams)."""
    available = grams(other or "")
    other_flat = norm_segment(other or "")
    seen: Counter[str] = Counter()
    out = []
    for para in _paragraphs(text):
        flat = norm_segment(para)
        seen[flat] += 1
        counts = grams(para)
        total: int = counts.total()
        found = sum(min(n, available[gram]) for gram, n in counts.items())
        available -= counts  # each n-gram of `other` vouches for one paragraph only
        # verbatim as often as here also settles paragraphs too short for n-grams ("Meal 1")
        verbatim = seen[flat] <= other_flat.count(flat)
        if not verbatim and total and found / total < _COVERED:
            out.append(para)
    return out


def _differences(run: PageRun, kind: str) -> tuple[list[str], list[str]]:
    """(missed gold text, extra output text) of one page."""
    gold, body = run.page.gold, run.prediction.body
    if kind == "trafilatura":
        text = norm_segment(body or "")
        missed = [w for w in gold["with"] if norm_segment(w) not in text]
        leaked = [w for w in gold["without"] if norm_segment(w) in text]
        return missed, leaked
    truth = gold.get({"scrapinghub": "articleBody", "wceb": "text"}.get(kind, "body"))
    # character bigrams for Chinese, which has no word separators; word trigrams otherwise
    grams: Callable[[str], Counter[Any]] = bigrams if kind == "zh" else _word_grams
    return _uncovered(truth, body, grams), _uncovered(body, truth, grams)


def _side(label: str, mark: str, parts: list[str]) -> list[str]:
    if not parts:
        return []
    chars = sum(len(p) for p in parts)
    lines = [f"     {label}: {len(parts)} ({chars} chars)"]
    lines += [f"       {mark} {_excerpt(p)}" for p in parts[:_EXCERPTS_PER_SIDE]]
    if len(parts) > _EXCERPTS_PER_SIDE:
        lines.append(f"       {mark} … and {len(parts) - _EXCERPTS_PER_SIDE} more")
    return lines


def _metadata_misses(run: PageRun) -> list[str]:
    got = {
        "title": run.prediction.title,
        "author": run.prediction.author,
        "date": run.prediction.date,
    }
    return [
        f"     {name}: got {value!r}, want {run.page.gold.get(name)!r}"
        for name, value in got.items()
        if run.score.get(f"{name}_ok") is False
    ]


def _page_report(rank: int, run: PageRun, kind: str) -> list[str]:
    lines = [f"{rank:>3}. {run.page.id}  F1 {100 * run.f1:.1f}  {run.page.url or ''}".rstrip()]
    if run.error:
        lines.append(f"     error: {run.error}")
    elif not (run.prediction.body or "").strip():
        lines.append("     output: empty")
    missed, extra = _differences(run, kind)
    leak_label = (
        "leaked 'without' segments" if kind == "trafilatura" else "extra (output, not in gold)"
    )
    miss_label = (
        "missed 'with' segments" if kind == "trafilatura" else "missed (gold, not in output)"
    )
    return (
        lines
        + _side(miss_label, "-", missed)
        + _side(leak_label, "+", extra)
        + _metadata_misses(run)
    )


def _misses(run: PageRun) -> int:
    """Missed plus leaked segments (trafilatura), to rank pages tied on F1; 0 elsewhere."""
    counts = run.score.get("counts")
    return int(counts[1] + counts[2]) if counts else 0


def format_worst(run: ToolRun, count: int) -> str:
    """The `count` pages with the lowest body F1, with what was missed and what leaked."""
    ranked = sorted(run.pages, key=lambda r: (r.f1, -_misses(r), r.page.id))[:count]
    lines = [f"== {run.dataset.name}: {len(ranked)} worst pages for {run.tool.name} (body F1 %) =="]
    for rank, page_run in enumerate(ranked, 1):
        lines += _page_report(rank, page_run, run.dataset.kind)
    return "\n".join(lines)
