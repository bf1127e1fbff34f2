"""Cost of `declutter.extract` against page size: real pages made 1x, 4x, 16x, 64x longer.

A few ScrapingHub pages (those at the 10th, 50th and 90th percentile of size, or the ids
given) are grown by repeating everything inside ``<body>`` (article and boilerplate alike)
N times. Each size is extracted `--runs` times in this process (after one untimed run) and
the median CPU time of the call is shown, with its ratio to the page's 1x time and that
ratio divided by N (1.0 is linear; above 1 is worse). The target (issue 5): a 16x page
takes at most 20x the 1x time.

The limits of `Options` that would cut the larger pages (max_bytes, max_nodes, max_blocks,
time_budget) are lifted, so every page is processed whole: ``blocks`` (blocks of text the
walk cut, against 1x) grows with N, and a run marked truncated would be flagged ``T``.
The structural limits (max_depth, max_open_formatting, max_attributes, max_select_options)
stay as they are: they cut only pathological markup, but on pages of more than
``16 * max_depth`` tags the parse stage checks for it (a rewrite pass over the tags, in
Python) before Lexbor parses; ``--lift-all`` lifts them too, which skips that check.

    python benchmarks/scaling.py                      # 3 pages, 1x 4x 16x 64x, 5 runs
    python benchmarks/scaling.py --scales 1,4,16 --runs 9 ID [ID ...]
    python benchmarks/scaling.py --lift-all           # no structural limits either
"""

from __future__ import annotations

import argparse
import re
import statistics
import time

import declutter
from declutter.bench import Page, load_dataset

LIFTED = declutter.Options(max_bytes=2**40, max_nodes=2**40, max_blocks=2**40, time_budget=None)
"""The default options with the size limits lifted: large pages are processed whole."""
LIFTED_ALL = LIFTED.replace(
    max_depth=10**6, max_open_formatting=10**6, max_attributes=10**6, max_select_options=10**6
)
"""...and the structural limits to 10**6 (no tree-sketch check before parsing; 2**40 would
overflow the repeat count of the attribute-flood regular expression)."""
_BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(rb"</body\s*>", re.IGNORECASE)
_QUANTILES = (0.1, 0.5, 0.9)
_TARGET_SCALE, _TARGET_RATIO = 16, 20.0


def repeat_body(html: bytes, times: int) -> bytes:
    """`html` with what is inside its ``<body>`` (to ``</body>`` or the end) `times` times."""
    opened = _BODY_OPEN.search(html)
    start = opened.end() if opened else 0
    closed = _BODY_CLOSE.search(html, start)
    end = closed.start() if closed else len(html)
    return html[:start] + html[start:end] * times + html[end:]


def pick_pages(ids: list[str]) -> list[Page]:
    """The ScrapingHub pages with these ids, or those at the size quantiles."""
    pages = load_dataset("scrapinghub").pages
    if ids:
        found = {p.id: p for p in pages if p.id in ids}
        return [found[i] for i in ids]
    by_size = sorted(pages, key=lambda p: len(p.html))
    return [by_size[round(q * (len(by_size) - 1))] for q in _QUANTILES]


def time_extract(
    html: bytes, url: str | None, runs: int, options: declutter.Options = LIFTED
) -> tuple[float, declutter.Article]:
    """Median CPU seconds of `extract` over `runs` runs (after one untimed), and the result."""
    article = declutter.extract(html, url=url, options=options)
    times = []
    for _ in range(runs):
        start = time.process_time()
        declutter.extract(html, url=url, options=options)
        times.append(time.process_time() - start)
    return statistics.median(times), article


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("ids", nargs="*", help="ScrapingHub page ids (default: 3 by size)")
    parser.add_argument("--scales", default="1,4,16,64")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per size (median)")
    parser.add_argument("--lift-all", action="store_true", help="lift the structural limits too")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    options = LIFTED_ALL if args.lift_all else LIFTED
    lifted = "max_bytes, max_nodes, max_blocks to 2**40" + (
        "; max_depth, max_open_formatting, max_attributes, max_select_options to 10**6"
        * args.lift_all
    )
    print(
        f"options: lifted {lifted}, time_budget=None (pages processed whole); "
        f"CPU time, median of {args.runs} runs after one untimed\n"
    )
    header = f"{'page':14}{'scale':>6}{'size MB':>9}{'ms':>10}{'x first':>8}{'/ linear':>9}"
    print(f"{header}{'blocks':>8}", flush=True)
    verdicts = []
    for page in pick_pages(args.ids):
        base: tuple[float, int] | None = None
        for scale in scales:
            html = repeat_body(page.html, scale)
            seconds, article = time_extract(html, page.url, args.runs, options)
            ms, blocks = 1000 * seconds, len(article.blocks)
            base = base or (ms, blocks)
            growth = scale / scales[0]
            rel = ms / base[0]
            flag = " T" if article.truncated else ""
            print(
                f"{page.id[:12]:14}{scale:>5}x{len(html) / 1e6:9.2f}{ms:10.1f}{rel:8.1f}"
                f"{rel / growth:9.2f}{blocks / max(base[1], 1):7.1f}x{flag}",
                flush=True,
            )
            if growth == _TARGET_SCALE:
                verdicts.append(rel <= _TARGET_RATIO and not article.truncated)
    if verdicts:
        ok = all(verdicts)
        print(
            f"\n{'PASS' if ok else 'FAIL'}: {_TARGET_SCALE}x takes at most {_TARGET_RATIO:g}x "
            f"the 1x time on {sum(verdicts)} of {len(verdicts)} pages (whole, not truncated)"
        )


if __name__ == "__main__":
    main()
